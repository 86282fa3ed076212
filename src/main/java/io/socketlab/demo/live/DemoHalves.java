package io.socketlab.demo.live;

import io.socketlab.demo.Demos;
import io.socketlab.demo.chat.ChatClient;
import io.socketlab.demo.chat.ChatServer;
import io.socketlab.demo.framed.FramedClient;
import io.socketlab.demo.framed.FramedServer;
import io.socketlab.demo.framed.LengthPrefixFraming;
import io.socketlab.demo.loop.LoopClient;
import io.socketlab.demo.loop.LoopServer;
import io.socketlab.demo.phone.PhoneClient;
import io.socketlab.demo.phone.PhoneServer;
import io.socketlab.demo.sticky.StickyClient;
import io.socketlab.demo.sticky.StickyServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import io.socketlab.demo.udp.UdpEchoClient;
import io.socketlab.demo.udp.UdpEchoServer;
import io.socketlab.demo.http.HttpByHand;
import io.socketlab.demo.http.HttpFolderServer;
import io.socketlab.demo.http.SampleSite;
import io.socketlab.demo.names.AddressEchoServer;
import io.socketlab.demo.names.Endpoints;
import io.socketlab.demo.names.EveryAddress;
import io.socketlab.demo.names.HostPort;
import io.socketlab.demo.states.Callers;
import io.socketlab.demo.states.LazyServer;
import io.socketlab.i18n.Messages;
import io.socketlab.inspect.SocketRows;
import io.socketlab.inspect.SocketTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One half of a demo on real hosts and ports, for {@code serve} and {@code connect}: the server
 * logs its socket calls to a stream, the client reads the learner's lines from a reader.
 */
public final class DemoHalves {
    private DemoHalves() {
    }

    /** True for the demos that speak UDP (their default port is 9000, TCP ones use 8080). */
    public static boolean isUdp(String id) {
        return id.equals("udp-echo") || id.equals("chat");
    }

    /** The port demo {@code id} serves on unless told otherwise: the article's 9000 for UDP, 8080 for TCP. */
    public static int defaultPort(String id) {
        return isUdp(id) ? 9000 : 8080;
    }

    /**
     * Runs the server of demo {@code id} on {@code host:port}; {@code onListening} gets the real port
     * once it listens. Returns when the server is done (phone: after one call) or throws the bind
     * error (a {@link java.net.BindException} when the port is taken). {@code person} supplies chat replies.
     */
    public static void serve(String id, String host, int port, PrintStream out, BufferedReader person,
                             Messages messages, IntConsumer onListening) throws IOException {
        ConsoleTrace trace = new ConsoleTrace(out, messages);
        switch (id) {
            case "phone" -> new PhoneServer(TracedSockets.serverFactory(trace)).answerOnce(host, port, onListening);
            case "tcp-loop" -> new LoopServer(TracedSockets.serverFactory(trace), text -> trace.line(Side.SERVER, text))
                    .serve(host, port, socket -> onListening.accept(socket.getLocalPort()));
            case "framed" -> new FramedServer(TracedSockets.serverFactory(trace), text -> trace.line(Side.SERVER, text),
                    LengthPrefixFraming.DEFAULT_MAX_FRAME).serve(host, port, socket -> onListening.accept(socket.getLocalPort()));
            case "sticky" -> new StickyServer(TracedSockets.serverFactory(trace))
                    .serve(host, port, socket -> onListening.accept(socket.getLocalPort()));
            case "udp-echo" -> new UdpEchoServer(TracedSockets.datagramFactory(Side.SERVER, trace))
                    .serve(host, port, socket -> onListening.accept(socket.getLocalPort()));
            case "chat" -> new ChatServer(TracedSockets.datagramFactory(Side.SERVER, trace), text -> trace.line(Side.SERVER, text),
                    from -> {
                        out.println(messages.get("serve.reply.prompt", from));
                        try {
                            return person.readLine();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).serve(host, port, socket -> onListening.accept(socket.getLocalPort()));
            case "http" -> serveHttp(host, port, out, messages, trace, onListening);
            case "names" -> new AddressEchoServer(TracedSockets.serverFactory(trace)).serve(host, port, socket -> {
                onListening.accept(socket.getLocalPort());
                out.println(messages.get("demo.names.listening", socket.getLocalPort()));
            });
            case "states" -> serveStates(host, port, out, person, messages, onListening);
            default -> throw new IllegalArgumentException(messages.get("demo.unknown", id, messages.list(Demos.ids())));
        }
    }

    private static void serveHttp(String host, int port, PrintStream out, Messages messages, ConsoleTrace trace,
                                  IntConsumer onListening) throws IOException {
        try (SampleSite site = SampleSite.create()) {
            // Ctrl-C ends serve: the sample folder goes with it
            Thread cleanUp = new Thread(() -> {
                try {
                    site.close();
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless; the system cleans its temp space
                }
            });
            Runtime.getRuntime().addShutdownHook(cleanUp);
            new HttpFolderServer(TracedSockets.serverFactory(trace), site.folder(), text -> trace.line(Side.SERVER, text))
                    .serve(host, port, socket -> {
                        onListening.accept(socket.getLocalPort());
                        String shown = host.contains(":") ? "[" + host + "]" : host;
                        out.println(messages.get("demo.http.folder", site.folder()));
                        out.println(messages.get("demo.http.url", shown, socket.getLocalPort()));
                        out.println(messages.get("demo.http.curl", shown, socket.getLocalPort()));
                        out.println(messages.get("demo.http.urllib", shown, socket.getLocalPort()));
                        out.flush();
                    });
        }
    }

    private static void serveStates(String host, int port, PrintStream out, BufferedReader person, Messages messages,
                                    IntConsumer onListening) throws IOException {
        try (LazyServer server = new LazyServer(TracedSockets.serverFactory(new ConsoleTrace(out, messages)), host, port,
                StatesSession.BACKLOG)) {
            onListening.accept(server.port());
            out.println(messages.get("demo.states.listening", server.port(), StatesSession.BACKLOG));
            out.println(messages.get("demo.states.person"));
            out.flush();
            SocketTable table = SocketTable.forThisMachine();
            for (String line = person.readLine(); line != null; line = person.readLine()) {
                switch (line.strip()) {
                    case "accept" -> {
                        try {
                            server.acceptOne(500);
                            out.println(messages.get("demo.states.accepted", server.acceptedCount()));
                        } catch (java.net.SocketTimeoutException nobody) {
                            out.println(messages.get("demo.states.queue.empty"));
                        }
                    }
                    case "close" -> out.println(messages.get("demo.states.server.closed", server.closeAll()));
                    case "sockets", "" -> { }
                    default -> out.println(messages.get("demo.states.person"));
                }
                printTable(table, server.port(), out, messages);
            }
        }
    }

    /** The kernel's sockets on {@code port}, both ends of every connection to it, as ss would list them. */
    static void printTable(SocketTable table, int port, PrintStream out, Messages messages) {
        SocketTable.Snapshot snapshot = table.onPort(port);
        if (!snapshot.available()) {
            out.println(messages.get("demo.states.no.table", snapshot.unavailable()));
        } else {
            out.println(messages.get("demo.states.table", port));
            SocketRows.lines(snapshot.entries()).forEach(row -> out.println("  " + row));
        }
        out.flush();
    }

    /**
     * Runs the client of demo {@code id} against {@code host:port}, reading lines from {@code in}
     * until end of input or {@code quit}; replies and the trace go to {@code out}.
     */
    public static void connect(String id, String host, int port, BufferedReader in, PrintStream out, Messages messages)
            throws IOException {
        ConsoleTrace trace = new ConsoleTrace(out, messages);
        switch (id) {
            case "phone" -> {
                String line = in.readLine();
                String message = line == null || line.isEmpty() ? "hello" : line;
                String reply = new PhoneClient(TracedSockets.socketFactory(Side.CLIENT, trace)).call(host, port, message);
                out.println(messages.get("connect.reply", reply));
            }
            case "tcp-loop", "framed", "sticky" -> talkOverTcp(id, host, port, in, out, messages, trace);
            case "udp-echo" -> {
                try (UdpEchoClient client = new UdpEchoClient(TracedSockets.datagramFactory(Side.CLIENT, trace), host, port)) {
                    for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                        String reply = client.say(line);
                        out.println(reply == null ? messages.get("connect.skipped") : messages.get("connect.reply", reply));
                    }
                }
            }
            case "chat" -> chat(host, port, in, out, messages, trace);
            case "http" -> httpByHand(host, port, in, out, messages, trace);
            case "names" -> {
                for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                    names(line.isBlank() ? host : line, port, out, messages, trace);
                }
            }
            case "states" -> states(host, port, in, out, messages);
            default -> throw new IllegalArgumentException(messages.get("demo.unknown", id, messages.list(Demos.ids())));
        }
    }

    private static void talkOverTcp(String id, String host, int port, BufferedReader in, PrintStream out,
                                    Messages messages, ConsoleTrace trace) throws IOException {
        var sockets = TracedSockets.socketFactory(Side.CLIENT, trace);
        LoopClient loop = id.equals("tcp-loop") ? new LoopClient(sockets, host, port) : null;
        FramedClient framed = id.equals("framed") ? new FramedClient(sockets, host, port) : null;
        StickyClient sticky = id.equals("sticky") ? new StickyClient(sockets, host, port) : null;
        try {
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String reply = loop != null ? loop.say(line) : framed != null ? framed.say(line) : sticky.run(line);
                out.println(reply == null ? messages.get("connect.skipped") : messages.get("connect.reply", reply));
                out.flush();
            }
        } finally {
            for (java.io.Closeable client : new java.io.Closeable[] {loop, framed, sticky}) {
                if (client != null) {
                    client.close();
                }
            }
        }
    }

    /** Lines typed up to an empty line make one request, sent as typed with CRLF line ends; a bare path is a GET. */
    private static void httpByHand(String host, int port, BufferedReader in, PrintStream out, Messages messages,
                                   ConsoleTrace trace) throws IOException {
        out.println(messages.get("demo.http.type"));
        out.flush();
        HttpByHand client = new HttpByHand(TracedSockets.socketFactory(Side.CLIENT, trace));
        StringBuilder request = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (request.length() == 0 && line.equals("quit")) {
                return;
            }
            if (request.length() == 0 && line.isEmpty()) {
                continue;
            }
            if (request.length() == 0 && line.startsWith("/")) {
                request.append(HttpByHand.getRequest(host, port, line.strip()));
            } else if (!line.isEmpty()) {
                request.append(line).append("\r\n");
                continue;
            } else {
                request.append("\r\n");
            }
            out.println(messages.get("demo.http.sent", request.toString().getBytes(StandardCharsets.UTF_8).length));
            byte[] response = client.exchange(host, port, request.toString());
            out.println(new String(response, StandardCharsets.UTF_8));
            out.flush();
            request.setLength(0);
        }
    }

    private static void names(String text, int port, PrintStream out, Messages messages, ConsoleTrace trace) {
        HostPort target;
        try {
            target = HostPort.parse(text, port);
        } catch (IllegalArgumentException bad) {
            out.println(messages.get("demo.names.bad", bad.getMessage()));
            return;
        }
        try {
            List<InetAddress> addresses = EveryAddress.resolve(target.host());
            StringBuilder list = new StringBuilder();
            for (InetAddress address : addresses) {
                list.append(list.length() == 0 ? "" : ", ").append(address.getHostAddress())
                        .append(" (").append(Endpoints.family(address)).append(')');
            }
            out.println(messages.get("demo.names.resolved", target.host(), addresses.size(), list));
            for (EveryAddress.Attempt attempt : new EveryAddress(TracedSockets.socketFactory(Side.CLIENT, trace), 2000)
                    .callEach(target.host(), target.port())) {
                String where = Endpoints.text(new InetSocketAddress(attempt.address(), target.port()));
                out.println(attempt.worked() ? messages.get("demo.names.reply", where, attempt.reply())
                        : messages.get("demo.names.failed", where, attempt.failure()));
            }
        } catch (IOException unknown) {
            out.println(messages.get("demo.names.unknown", target.host(), unknown.getMessage()));
        }
        out.flush();
    }

    private static void states(String host, int port, BufferedReader in, PrintStream out, Messages messages) throws IOException {
        out.println(messages.get("demo.states.commands"));
        out.flush();
        SocketTable table = SocketTable.forThisMachine();
        try (Callers callers = new Callers(host, port)) {
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String command = line.strip();
                switch (command) {
                    case "open" -> out.println(messages.get(callers.open(500) ? "demo.states.opened" : "demo.states.pending",
                            callers.openCount(), callers.pendingCount()));
                    case "close" -> out.println(messages.get(callers.closeOldest() ? "demo.states.closed" : "demo.states.none.open"));
                    case "reset" -> out.println(messages.get(callers.resetOldest() ? "demo.states.reset" : "demo.states.none.open"));
                    case "sockets", "" -> { }
                    default -> {
                        if (command.startsWith("send ")) {
                            out.println(messages.get(callers.send(command.substring(5)) ? "demo.states.sent" : "demo.states.none.open"));
                        } else {
                            out.println(messages.get("demo.states.commands"));
                        }
                    }
                }
                printTable(table, port, out, messages);
            }
        }
    }

    private static void chat(String host, int port, BufferedReader in, PrintStream out, Messages messages,
                             ConsoleTrace trace) throws IOException {
        try (ChatClient client = new ChatClient(TracedSockets.datagramFactory(Side.CLIENT, trace), host, port)) {
            String names = messages.list(client.contacts());
            out.println(messages.get("connect.contacts", names));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!client.talking()) {
                    out.println(client.pick(line.trim()) ? messages.get("connect.writing", line.trim())
                            : messages.get("connect.no.contact", line.trim(), names));
                } else if (client.send(line)) {
                    out.println(messages.get("connect.reply", client.receive()));
                } else if (client.talking()) {
                    out.println(messages.get("connect.skipped"));
                } else {
                    out.println(messages.get("connect.contacts", names));
                }
                out.flush();
            }
        }
    }
}
