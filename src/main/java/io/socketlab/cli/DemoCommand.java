package io.socketlab.cli;

import io.socketlab.demo.Demo;
import io.socketlab.demo.Demos;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab demo NAME}: a chapter's server and client, live, in this terminal. */
@Command(name = "demo", description = "Run a chapter's server and client here, live, with a trace of every socket call.")
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "NAME", completionCandidates = DemoIds.class,
            description = "Demo id: ${COMPLETION-CANDIDATES}")
    String name;

    @Override
    public Integer call() throws IOException {
        GlobalOptions options = main.options;
        Workspace workspace = main.workspace();
        Demo demo = find(name, Messages.of("demo", options.lang()), workspace.err());
        if (demo == null) {
            return 2;
        }
        try (Terminal terminal = main.terminals().open()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            boolean color = !options.plainRequested() && !Terminal.TYPE_DUMB.equals(terminal.getType());
            workspace.updateProgress(progress -> progress.markRun(demo.id()));
            demo.runLive(reader, options.lang(), color);
        }
        return 0;
    }

    /** The demo called {@code name}; null after saying on {@code err} which ones exist. */
    static Demo find(String name, Messages messages, PrintStream err) {
        Demo demo = Demos.find(name).orElse(null);
        if (demo == null) {
            err.println(messages.get("demo.unknown", name, messages.list(Demos.ids())));
        }
        return demo;
    }

    /** The demo ids, for picocli's help and shell completion. */
    static final class DemoIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Demos.ids().iterator();
        }
    }
}
