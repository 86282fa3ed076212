package io.socketlab.cli;

import io.socketlab.demo.Demo;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab serve NAME}: the server half of a demo, on a real host and port. */
@Command(name = "serve", description = "Run the server half of a demo, for another terminal or machine.")
public final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "NAME", completionCandidates = DemoCommand.DemoIds.class,
            description = "Demo id: ${COMPLETION-CANDIDATES}")
    String name;

    @Option(names = "--host", paramLabel = "H", description = "Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", paramLabel = "P", description = "Port (default 8080 for TCP demos, 9000 for UDP; 0 lets the system pick).")
    Integer port;

    @Override
    public Integer call() {
        Messages messages = Messages.of("demo", main.options.lang());
        Workspace workspace = main.workspace();
        PrintStream out = workspace.out();
        PrintStream err = workspace.err();
        Demo demo = DemoCommand.find(name, messages, err);
        if (demo == null) {
            return 2;
        }
        String listenHost = host == null ? "127.0.0.1" : host;
        if (port != null && (port < 0 || port > 65535)) {
            err.println(messages.get("bad.port", port));
            return 2;
        }
        int listenPort = port == null ? demo.defaultPort() : port;
        try {
            if (!InetAddress.getByName(listenHost).isLoopbackAddress()) {
                out.println(messages.get("serve.public", listenHost));
            }
        } catch (UnknownHostException e) {
            err.println(messages.get("serve.bad.host", listenHost, "unknown host"));
            return 2;
        }
        InputStreamReader keyboard = new InputStreamReader(main.terminals().stdin(), StandardCharsets.UTF_8);
        try (ServeContext context = new ServeContext(listenHost, listenPort, out, keyboard, messages,
                ServeContext.CONNECTION_TIMEOUT, actualPort -> {
                    // an IPv6 address in brackets, or its colons run into the port's: [::1]:8080 (chapter 12)
                    String shown = listenHost.contains(":") ? "[" + listenHost + "]" : listenHost;
                    out.println(messages.get("serve.listening", name, shown, actualPort, demo.transport().protocol()));
                    out.println(messages.get("serve.connect", name, listenHost, actualPort));
                    if (demo.transport().netcat() != null) {
                        out.println(messages.get("serve.nc", demo.transport().netcat() + listenHost + " " + actualPort));
                    }
                    out.println(messages.get("serve.stop"));
                    out.flush();
                })) {
            demo.serve(context);
            return 0;
        } catch (BindException e) {
            err.println(messages.get("serve.port.in.use", listenHost, listenPort));
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println(messages.get("serve.failed", e.getMessage()));
            return 1;
        }
    }
}
