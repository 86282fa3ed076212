package io.socketlab.cli;

import io.socketlab.demo.Demo;
import io.socketlab.demo.live.ConnectContext;
import io.socketlab.i18n.Messages;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab connect NAME}: the client half of a demo; lines typed (or piped) go to the server. */
@Command(name = "connect", description = "Run the client half of a demo against a server (ours, or the article's Python one).")
public final class ConnectCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "NAME", completionCandidates = DemoCommand.DemoIds.class,
            description = "Demo id: ${COMPLETION-CANDIDATES}")
    String name;

    @Option(names = "--host", paramLabel = "H", description = "Server address (default 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "P", description = "Server port (default 8080 for TCP demos, 9000 for UDP).")
    Integer port;

    @Option(names = "--timeout", paramLabel = "S",
            description = "Seconds to wait for a reply (default 120: long enough for chapter 5's three-terminal experiment).")
    Integer timeoutSeconds;

    @Override
    public Integer call() {
        Messages messages = Messages.of("demo", main.options.lang());
        Workspace workspace = main.workspace();
        PrintStream err = workspace.err();
        Demo demo = DemoCommand.find(name, messages, err);
        if (demo == null) {
            return 2;
        }
        if (port != null && (port < 0 || port > 65535)) {
            err.println(messages.get("bad.port", port));
            return 2;
        }
        int serverPort = port == null ? demo.defaultPort() : port;
        Duration timeout = timeoutSeconds == null ? ConnectContext.READ_TIMEOUT : Duration.ofSeconds(timeoutSeconds);
        if (timeout.isNegative() || timeout.isZero()) {
            err.println(messages.get("connect.bad.timeout", timeoutSeconds));
            return 2;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(main.terminals().stdin(), StandardCharsets.UTF_8));
        // at a terminal, the prompt says when it is the learner's turn to type; piped lines need none
        boolean prompted = main.terminals().stdoutIsTerminal() && !main.options.plainTextRequested();
        ConnectContext context = new ConnectContext(host, serverPort, demo.transport(), in, workspace.out(), messages,
                timeout, prompted);
        try {
            demo.connect(context);
            return 0;
        } catch (IOException e) {
            err.println(context.reached() ? afterConnecting(e, timeout, messages)
                    : messages.get("connect.failed", host, serverPort, e.getMessage(), name));
            return 1;
        }
    }

    /** What went wrong once the server had answered the call: never "cannot reach". */
    private static String afterConnecting(IOException e, Duration timeout, Messages messages) {
        if (e instanceof SocketTimeoutException) {
            return messages.get("connect.timeout", timeout.toSeconds());
        }
        if (e instanceof ProtocolException || e instanceof EOFException) {
            return messages.get("connect.bad.frame", e.getMessage());
        }
        return messages.get("connect.lost", e.getMessage());
    }
}
