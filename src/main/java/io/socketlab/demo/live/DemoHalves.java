package io.socketlab.demo.live;

import io.socketlab.demo.Demos;
import io.socketlab.demo.chat.ChatClient;
import io.socketlab.demo.chat.ChatServer;
import io.socketlab.demo.faults.FaultClient;
import io.socketlab.demo.faults.FaultServer;
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
import io.socketlab.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
            case "many" -> serveMany(host, port, person, out, messages, trace, onListening);
            case "faults" -> new FaultServer(TracedSockets.serverFactory(trace), text -> trace.line(Side.SERVER, text))
                    .serve(host, port, socket -> onListening.accept(socket.getLocalPort()));
            default -> throw new IllegalArgumentException(messages.get("demo.unknown", id, messages.list(Demos.ids())));
        }
    }

    /**
     * The many demo's server: model one first; a model name typed at the server's terminal stops the
     * current model and starts that one on the same port. Runs until the process is stopped.
     */
    private static void serveMany(String host, int port, BufferedReader person, PrintStream out, Messages messages,
                                  ConsoleTrace trace, IntConsumer onListening) throws IOException {
        String model = "one";
        int listeningPort = port;
        boolean announced = false;
        while (true) {
            CompletableFuture<java.util.Map.Entry<java.io.Closeable, Integer>> started = new CompletableFuture<>();
            String current = model;
            int onPort = listeningPort;
            Thread serving = new Thread(() -> {
                try {
                    ServerModels.run(current, host, onPort, TracedSockets.serverFactory(trace), text -> trace.line(Side.SERVER, text),
                            (stop, actual) -> started.complete(java.util.Map.entry(stop, actual)));
                } catch (IOException | RuntimeException e) {
                    started.completeExceptionally(e);
                }
            }, "socketlab-serve-many-" + model);
            serving.start();
            java.util.Map.Entry<java.io.Closeable, Integer> running;
            try {
                running = started.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            }
            listeningPort = running.getValue();
            if (!announced) {
                onListening.accept(listeningPort);
                announced = true;
            }
            trace.line(Side.SERVER, messages.get("demo.many.model." + model, ServerModels.POOL_THREADS, ServerModels.POOL_WAITING));
            out.println(messages.get("serve.many.models", String.join(", ", ServerModels.NAMES), model));
            out.flush();
            String next = null;
            for (String line = person.readLine(); line != null; line = person.readLine()) {
                if (ServerModels.NAMES.contains(line.trim())) {
                    next = line.trim();
                    break;
                }
                out.println(messages.get("serve.many.models", String.join(", ", ServerModels.NAMES), model));
                out.flush();
            }
            if (next == null) {
                // nobody types at this server (input closed): serve with this model until stopped
                joinQuietly(serving);
                return;
            }
            running.getKey().close();
            joinQuietly(serving);
            model = next;
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            case "faults" -> {
                FaultClient client = new FaultClient(TracedSockets.socketFactory(Side.CLIENT, trace),
                        TracedSockets.datagramFactory(Side.CLIENT, trace), host, port);
                out.println(messages.get("demo.faults.help", String.join(", ", FaultRequests.NAMES)));
                for (String line = in.readLine(); line != null && !line.trim().equals("quit"); line = in.readLine()) {
                    if (!line.isBlank()) {
                        out.println(messages.get("demo.column.client") + " " + FaultRequests.provoke(client, line.trim(), messages));
                        out.flush();
                    }
                }
            }
            case "tcp-loop", "framed", "sticky", "many" -> talkOverTcp(id, host, port, in, out, messages, trace);
            case "udp-echo" -> {
                try (UdpEchoClient client = new UdpEchoClient(TracedSockets.datagramFactory(Side.CLIENT, trace), host, port)) {
                    for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                        String reply = client.say(line);
                        out.println(reply == null ? messages.get("connect.skipped") : messages.get("connect.reply", reply));
                    }
                }
            }
            case "chat" -> chat(host, port, in, out, messages, trace);
            default -> throw new IllegalArgumentException(messages.get("demo.unknown", id, messages.list(Demos.ids())));
        }
    }

    private static void talkOverTcp(String id, String host, int port, BufferedReader in, PrintStream out,
                                    Messages messages, ConsoleTrace trace) throws IOException {
        var sockets = TracedSockets.socketFactory(Side.CLIENT, trace);
        LoopClient loop = id.equals("tcp-loop") || id.equals("many") ? new LoopClient(sockets, host, port) : null;
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
