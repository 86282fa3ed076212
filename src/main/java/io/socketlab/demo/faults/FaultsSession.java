package io.socketlab.demo.faults;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.live.SocketFactories;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedDatagramSocket;
import io.socketlab.demo.trace.TracedSocket;
import io.socketlab.demo.trace.TraceListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import javax.net.SocketFactory;

/** faults live: each typed line names a failure; the client provokes it for real against the fault server. */
public final class FaultsSession extends DemoSession {
    /** The failures a learner can ask for, in the chapter's order. */
    static final List<String> NAMES = List.of("refused", "reset", "pipe", "timeout", "full", "unreachable");

    private FaultClient client;

    public FaultsSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        ServerSocket listening = serverSocket();
        startThread("fault-server", () -> new FaultServer(SocketFactories.servers(() -> listening), line -> out.line(Side.SERVER, line))
                .serve(host, 0, socket -> { }));
        client = new FaultClient(sockets(out), address -> own(new TracedDatagramSocket(Side.CLIENT, out,
                (InetSocketAddress) address)), host, awaitPort(listening));
        out.line(Side.CLIENT, text.get("demo.faults.help", String.join(", ", NAMES)));
    }

    private int awaitPort(ServerSocket listening) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!listening.isBound()) {
            if (System.nanoTime() > deadline) {
                throw new IOException(text.get("demo.server.late"));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);  // look again in 1 ms
        }
        return listening.getLocalPort();
    }

    @Override
    public void typeAsClient(String line) {
        out.line(Side.CLIENT, provoke(client, line.strip(), text::get));
    }

    /** How a line of the demo bundle is made. */
    @FunctionalInterface
    interface Text {
        String get(String key, Object... args);
    }

    /** Provokes {@code request} with {@code client}; the line to show: what was thrown, or how to ask. */
    static String provoke(FaultClient client, String request, Text text) {
        try {
            switch (request) {
                case "refused" -> client.refused();
                case "reset" -> client.reset();
                case "pipe" -> client.brokenPipe();
                case "timeout" -> client.readTimeout();
                case "full" -> client.connectTimeout();
                case "unreachable" -> client.unreachable();
                default -> {
                    return text.get("demo.faults.unknown", request, String.join(", ", NAMES));
                }
            }
            return text.get("demo.faults.nothing", request);
        } catch (IOException e) {
            String thrown = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
            return text.get("demo.faults.threw", request, thrown);
        }
    }

    private static SocketFactory sockets(TraceListener trace) {
        return SocketFactories.clients(() -> new TracedSocket(Side.CLIENT, trace));
    }

    /** serve faults: the fault server, one client after another, until Ctrl-C. */
    public static void serve(ServeContext context) throws IOException {
        ServerSocket listening = context.serverSocket();
        new FaultServer(SocketFactories.servers(() -> listening), line -> context.console().println(line))
                .serve(context.host(), context.port(), socket -> context.listening(socket.getLocalPort()));
    }

    /** connect faults: each typed line names a failure provoked against the server. */
    public static void connect(ConnectContext context) throws IOException {
        context.say("demo.faults.help", String.join(", ", NAMES));
        FaultClient client = new FaultClient(SocketFactories.clients(context::socket), address -> {
            try {
                return context.datagramSocket();
            } catch (java.net.SocketException e) {
                throw e;
            } catch (IOException e) {
                throw new java.net.SocketException(e.getMessage());
            }
        }, context.host(), context.port());
        for (String line = context.nextLine(); line != null && !line.equals("quit"); line = context.nextLine()) {
            if (!line.isBlank()) {
                context.say("demo.line", provoke(client, line.strip(), context::text));
            }
        }
    }
}
