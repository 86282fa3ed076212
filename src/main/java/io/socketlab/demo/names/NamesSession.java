package io.socketlab.demo.names;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.trace.Side;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * names live: one server listening on 127.0.0.1 and, where the machine has it, on ::1, same port.
 * Each typed name is resolved and called at every address it has; the server says which two ends it saw.
 */
public final class NamesSession extends DemoSession {
    /** How long the client waits to connect to one address, and then for its reply. */
    private static final int CALL_TIMEOUT_MILLIS = 2000;

    private int port;

    public NamesSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        ServerSocket ipv4 = listen("127.0.0.1");
        port = ipv4.getLocalPort();
        startThread("names-server-ipv4", () -> AddressEchoServer.serve(ipv4));
        ServerSocket ipv6 = serverSocket();
        try {
            ipv6.bind(new InetSocketAddress(InetAddress.getByName("::1"), port), 5);
            startThread("names-server-ipv6", () -> AddressEchoServer.serve(ipv6));
            out.line(Side.SERVER, text.get("demo.names.both", port));
        } catch (IOException noIpv6) {
            ipv6.close();
            out.line(Side.SERVER, text.get("demo.names.no.ipv6", port, noIpv6.getMessage()));
        }
        out.line(Side.CLIENT, text.get("demo.names.try"));
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        for (String shown : call(line.isBlank() ? "localhost" : line, port, this::clientSocket,
                (key, args) -> text.get(key, args))) {
            out.line(Side.CLIENT, shown);
        }
    }

    /** How a line of the demo bundle is made. */
    @FunctionalInterface
    interface Text {
        String get(String key, Object... args);
    }

    /** Resolves {@code typed} (a name, an address, host:port) and calls every address: the lines to show. */
    static List<String> call(String typed, int defaultPort, EveryAddress.Sockets sockets, Text text) throws IOException {
        List<String> lines = new ArrayList<>();
        HostPort target;
        try {
            target = HostPort.parse(typed, defaultPort);
        } catch (IllegalArgumentException bad) {
            lines.add(text.get("demo.names.bad", bad.getMessage()));
            return lines;
        }
        List<InetAddress> addresses;
        try {
            addresses = EveryAddress.resolve(target.host());
        } catch (IOException unknown) {
            lines.add(text.get("demo.names.unknown", target.host(), unknown.getMessage()));
            return lines;
        }
        StringBuilder list = new StringBuilder();
        for (InetAddress address : addresses) {
            list.append(list.length() == 0 ? "" : ", ").append(address.getHostAddress())
                    .append(" (").append(Endpoints.family(address)).append(')');
        }
        lines.add(text.get("demo.names.resolved", target.host(), addresses.size(), list));
        for (EveryAddress.Attempt attempt : new EveryAddress(sockets, CALL_TIMEOUT_MILLIS).callEach(target.host(), target.port())) {
            String where = Endpoints.text(new InetSocketAddress(attempt.address(), target.port()));
            lines.add(attempt.worked() ? text.get("demo.names.reply", where, attempt.reply())
                    : text.get("demo.names.failed", where, attempt.failure()));
        }
        return lines;
    }

    /** serve names: tells each caller the connection's two ends, until Ctrl-C. */
    public static void serve(ServeContext context) throws IOException {
        ServerSocket listening = context.listen();
        context.console().println(context.text("demo.names.listening", listening.getLocalPort()));
        AddressEchoServer.serve(listening);
    }

    /**
     * connect names: first every address of --host is called, at once; then each typed line is a name
     * (an empty line: --host again) whose every address is called.
     */
    public static void connect(ConnectContext context) throws IOException {
        callAndShow(context, context.host());
        context.say("demo.names.try");
        for (String line = context.nextLine(); line != null && !line.equals("quit"); line = context.nextLine()) {
            callAndShow(context, line.isBlank() ? context.host() : line);
        }
    }

    private static void callAndShow(ConnectContext context, String typed) throws IOException {
        for (String shown : call(typed, context.port(), context::socket, context::text)) {
            context.say("demo.line", shown);
        }
    }
}
