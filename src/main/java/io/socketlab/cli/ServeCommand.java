package io.socketlab.cli;

import io.socketlab.demo.Demos;
import io.socketlab.demo.live.DemoHalves;
import io.socketlab.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
        if (!Demos.exists(name)) {
            System.err.println(messages.get("demo.unknown", name, messages.list(Demos.ids())));
            return 2;
        }
        boolean udp = DemoHalves.isUdp(name);
        String listenHost = host == null ? "127.0.0.1" : host;
        int listenPort = port == null ? DemoHalves.defaultPort(name) : port;
        try {
            InetAddress address = InetAddress.getByName(listenHost);
            if (!address.isLoopbackAddress()) {
                System.out.println(messages.get("serve.public", listenHost));
            }
        } catch (UnknownHostException e) {
            System.err.println(messages.get("serve.bad.host", listenHost, "unknown host"));
            return 2;
        }
        BufferedReader person = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            DemoHalves.serve(name, listenHost, listenPort, System.out, person, messages, actualPort -> {
                System.out.println(messages.get("serve.listening", name, listenHost, actualPort, udp ? "UDP" : "TCP"));
                System.out.println(messages.get("serve.connect", name, listenHost, actualPort));
                if (!name.equals("framed")) {
                    System.out.println(messages.get("serve.nc", (udp ? "nc -u " : "nc ") + listenHost + " " + actualPort));
                }
                System.out.println(messages.get("serve.stop"));
                System.out.flush();
            });
            return 0;
        } catch (BindException e) {
            System.err.println(messages.get("serve.port.in.use", listenHost, listenPort));
            return 1;
        } catch (IOException | RuntimeException e) {
            System.err.println(messages.get("serve.failed", e.getMessage()));
            return 1;
        }
    }
}
