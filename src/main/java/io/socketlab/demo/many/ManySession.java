package io.socketlab.demo.many;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.live.SocketFactories;
import io.socketlab.demo.loop.LoopClient;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.demo.trace.TracedSocket;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * many live: clients a to z against one of four server models. Each client sends on its own
 * thread, so the prompt stays free while a client waits, and its reply shows when the server gets
 * to it. Typing a model's name restarts the server with that model.
 */
public final class ManySession extends DemoSession {
    /** How long a client waits for its reply before it says so. */
    static final int REPLY_WAIT_SECONDS = 60;
    private static final Pattern NAMED = Pattern.compile("([a-z])(?:\\s+(.*))?");
    /** Wakes a client's thread so it ends; a typed line is trimmed, so it never starts with NUL. */
    private static final String STOP = "\u0000stop";

    private final Map<String, BlockingQueue<String>> clients = new TreeMap<>();
    private String host;
    private volatile Closeable server;
    private volatile int port;

    public ManySession(DemoOutput out) {
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
        // each client's calls carry its name in the trace
        Socket phone = own(new TracedSocket(Side.CLIENT,
                event -> out.onCall(new TraceEvent(event.side(), name + ": " + event.call(), event.detail(), event.data()))));
        phone.setSoTimeout(REPLY_WAIT_SECONDS * 1000);
        try (LoopClient client = new LoopClient(phone, host, port)) {
            while (true) {
                String line = lines.take();
                if (line.equals(STOP) || line.equals("quit")) {
                    out.line(Side.CLIENT, text.get("demo.many.hung.up", name));
                    return;
                }
                try {
                    out.line(Side.CLIENT, text.get("demo.many.reply", name, client.say(line).strip()));
                } catch (SocketTimeoutException late) {
                    out.line(Side.CLIENT, text.get("demo.many.no.reply", name, REPLY_WAIT_SECONDS));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void switchTo(String model) throws IOException {
        hangUpEveryone();
        Closeable running = server;
        if (running != null) {
            running.close();
        }
        startModel(model);
    }

    private void startModel(String model) throws IOException {
        CountDownLatch ready = new CountDownLatch(1);
        startThread("many-" + model, () -> ServerModels.run(model, host, 0, SocketFactories.servers(this::serverSocket),
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

    /**
     * serve many: model one first; a model name typed at the server's terminal stops that model and
     * starts the named one on the same port.
     */
    public static void serve(ServeContext context) throws IOException {
        BufferedReader person = context.commands();
        String model = "one";
        int listeningPort = context.port();
        boolean announced = false;
        while (true) {
            CompletableFuture<Map.Entry<Closeable, Integer>> started = new CompletableFuture<>();
            String current = model;
            int onPort = listeningPort;
            Thread serving = new Thread(() -> {
                try {
                    ServerModels.run(current, context.host(), onPort, SocketFactories.servers(context::serverSocket),
                            context.console()::println, (stop, actual) -> started.complete(Map.entry(stop, actual)));
                } catch (IOException | RuntimeException e) {
                    started.completeExceptionally(e);
                }
            }, "socketlab-serve-many-" + model);
            serving.setDaemon(true);
            serving.start();
            Map.Entry<Closeable, Integer> running;
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
                context.listening(listeningPort);
                announced = true;
            }
            context.console().println(context.text("demo.many.model." + model, ServerModels.POOL_THREADS, ServerModels.POOL_WAITING));
            context.console().println(context.text("serve.many.models", String.join(", ", ServerModels.NAMES), model));
            String next = null;
            for (String line = person.readLine(); line != null; line = person.readLine()) {
                if (ServerModels.NAMES.contains(line.trim())) {
                    next = line.trim();
                    break;
                }
                context.console().println(context.text("serve.many.models", String.join(", ", ServerModels.NAMES), model));
            }
            if (next == null) {
                // nobody types at this server (input closed): serve with this model until stopped
                join(serving);
                return;
            }
            running.getKey().close();
            join(serving);
            model = next;
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** connect many: one client; every typed line to the server, its reply printed. */
    public static void connect(ConnectContext context) throws IOException {
        try (LoopClient client = new LoopClient(context.socket(), context.host(), context.port())) {
            context.talk(client::say);
        }
    }
}
