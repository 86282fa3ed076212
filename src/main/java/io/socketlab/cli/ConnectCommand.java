package io.socketlab.cli;

import io.socketlab.demo.Demos;
import io.socketlab.demo.live.DemoHalves;
import io.socketlab.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    @Override
    public Integer call() {
        Messages messages = Messages.of("demo", main.options.lang());
        if (!Demos.exists(name)) {
            System.err.println(messages.get("demo.unknown", name, messages.list(Demos.ids())));
            return 2;
        }
        int serverPort = port == null ? DemoHalves.defaultPort(name) : port;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            DemoHalves.connect(name, host, serverPort, in, System.out, messages);
            return 0;
        } catch (IOException e) {
            System.err.println(messages.get("connect.failed", host, serverPort, e.getMessage(), name));
            return 1;
        }
    }
}
