package io.socketlab.cli;

import io.socketlab.demo.Demos;
import io.socketlab.demo.live.LiveDemo;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
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
        if (!Demos.exists(name)) {
            Messages messages = Messages.of("demo", options.lang());
            System.err.println(messages.get("demo.unknown", name, messages.list(Demos.ids())));
            return 2;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            boolean color = !options.plainRequested() && !Terminal.TYPE_DUMB.equals(terminal.getType());
            LiveDemo.run(reader, name, options.lang(), color);
        }
        return 0;
    }

    /** The demo ids, for picocli's help and shell completion. */
    static final class DemoIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Demos.ids().iterator();
        }
    }
}
