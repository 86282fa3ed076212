package io.socketlab.demo.live;

import io.socketlab.demo.loop.LoopClient;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.demo.trace.TraceListener;
import io.socketlab.demo.trace.TracedSockets;
import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * many live: clients a to z against one of four server models. Each client sends on its own thread,
 * so the prompt stays free while a client waits, and its reply shows when the server gets to it.
 */
final class ManySession extends DemoSession {
    private static final Pattern NAMED = Pattern.compile("([a-z])(?:\\s+(.*))?");
    /** Wakes a client's thread so it ends; a typed line is trimmed, so it never starts with NUL. */
    private static final String STOP = "\u0000stop";

    private final Map<String, BlockingQueue<String>> clients = new TreeMap<>();
    private String host;
    private Closeable server;
    private volatile int port;

    ManySession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        this.host = host;
        out.line(Side.CLIENT, text.get("demo.many.help", String.join(", ", ServerModels.NAMES)));
        startModel("one");
    }

    /** The port the current model listens on (for tests). */
    int port() {
        return port;
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        String trimmed = line.trim();
        if (ServerModels.NAMES.contains(trimmed)) {
            switchTo(trimmed);
            return;
        }
        Matcher named = NAMED.matcher(trimmed);
        String name = named.matches() ? named.group(1) : "a";
        String message = named.matches() ? (named.group(2) == null ? "" : named.group(2)) : trimmed;
        if (message.isEmpty()) {
            out.line(Side.CLIENT, text.get("demo.skipped"));
            return;
        }
        BlockingQueue<String> queue;
        synchronized (clients) {
            queue = clients.get(name);
            if (queue == null && message.equals("quit")) {
                return;
            }
            if (queue == null) {
                queue = new LinkedBlockingQueue<>();
                clients.put(name, queue);
                BlockingQueue<String> lines = queue;
                startThread("many-client-" + name, () -> runClient(name, lines));
            }
            if (message.equals("quit")) {
                clients.remove(name);
            }
        }
        queue.add(message);
    }

    private void runClient(String name, BlockingQueue<String> lines) throws IOException {
        TraceListener labelled = event -> out.onCall(new TraceEvent(event.side(), name + ": " + event.call(), event.detail(), event.data()));
        try (LoopClient client = own(new LoopClient(TracedSockets.socketFactory(Side.CLIENT, labelled), host, port))) {
            while (true) {
                String line = lines.take();
                if (line.equals(STOP) || line.equals("quit")) {
                    out.line(Side.CLIENT, text.get("demo.many.hung.up", name));
                    return;
                }
                try {
                    out.line(Side.CLIENT, text.get("demo.many.reply", name, client.say(line).strip()));
                } catch (SocketTimeoutException late) {
                    out.line(Side.CLIENT, text.get("demo.many.no.reply", name));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void switchTo(String model) throws IOException {
        hangUpEveryone();
        if (server != null) {
            server.close();
        }
        startModel(model);
    }

    private void startModel(String model) throws IOException {
        CountDownLatch ready = new CountDownLatch(1);
        startThread("many-" + model, () -> ServerModels.run(model, host, 0, TracedSockets.serverFactory(out),
                line -> out.line(Side.SERVER, line), (stop, listeningPort) -> {
                    server = own(stop);
                    port = listeningPort;
                    ready.countDown();
                }));
        await(ready);
        out.line(Side.SERVER, text.get("demo.many.model." + model, ServerModels.POOL_THREADS, ServerModels.POOL_WAITING));
    }

    private void hangUpEveryone() {
        synchronized (clients) {
            for (BlockingQueue<String> queue : clients.values()) {
                queue.add(STOP);
            }
            clients.clear();
        }
    }

    @Override
    protected void onClose() {
        hangUpEveryone();
    }
}
