package io.socketlab.demo.many;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;

/** The four server models of the many demo, started by name; the pool has 2 threads and room for 1 waiting client. */
final class ServerModels {
    /** The model names a learner types, in the chapter's order. */
    static final List<String> NAMES = List.of("one", "threads", "pool", "selector");
    static final int POOL_THREADS = 2;
    static final int POOL_WAITING = 1;

    /** Told once the model listens: what stops it, and its port. */
    interface Listening {
        void started(Closeable stop, int port);
    }

    private ServerModels() {
    }

    /**
     * Runs {@code model} on {@code host:port} in the calling thread until the Closeable handed to
     * {@code listening} is closed. An interrupt while the pool or the threads wind down ends it early.
     */
    static void run(String model, String host, int port, ServerSocketFactory sockets, Consumer<String> log,
                    Listening listening) throws IOException {
        try {
            switch (model) {
                case "one" -> new OneAtATimeServer(sockets, log)
                        .serve(host, port, socket -> listening.started(socket, socket.getLocalPort()));
                case "threads" -> new ThreadPerClientServer(sockets, log)
                        .serve(host, port, socket -> listening.started(socket, socket.getLocalPort()));
                case "pool" -> new PoolServer(sockets, log, POOL_THREADS, POOL_WAITING)
                        .serve(host, port, socket -> listening.started(socket, socket.getLocalPort()));
                case "selector" -> {
                    try (SelectorServer server = new SelectorServer(log)) {
                        server.serve(host, port, channel -> listening.started(server, channel.socket().getLocalPort()));
                    }
                }
                default -> throw new IllegalArgumentException("unknown server model '" + model + "'");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
