package io.socketlab.demo.many;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;

/**
 * Chapter 9: a fixed number of threads serve the clients; a few more wait in a bounded queue, and
 * a client beyond that is told the server is busy and hung up on.
 */
public final class PoolServer {
    private final ServerSocketFactory sockets;
    private final Consumer<String> log;
    private final int threads;
    private final int waiting;

    public PoolServer(ServerSocketFactory sockets, Consumer<String> log, int threads, int waiting) {
        this.sockets = sockets;
        this.log = log;
        this.threads = threads;
        this.waiting = waiting;
    }

    /** Serves until the listening socket is closed from another thread; then closes every client and stops the pool. */
    public void serve(String host, int port, Consumer<ServerSocket> onListening) throws IOException, InterruptedException {
        List<Socket> connected = new CopyOnWriteArrayList<>();
        // region pool
        ExecutorService pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(waiting));
        // endregion
        try (ServerSocket listening = sockets.createServerSocket()) {
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(host, port), 50);
            onListening.accept(listening);
            while (true) {
                Socket conn;
                try {
                    conn = listening.accept();
                } catch (SocketException closed) {
                    break;
                }
                connected.add(conn);
                // region submit
                try {
                    pool.execute(() -> {
                        Conversation.talk(conn, log);
                        connected.remove(conn);
                    });
                } catch (RejectedExecutionException full) {
                    // every thread busy and the queue full: say so rather than keep the caller waiting
                    log.accept("pool full: turning away " + conn.getPort());
                    try (conn; OutputStream out = conn.getOutputStream()) {
                        out.write("server busy, try again later\n".getBytes(StandardCharsets.UTF_8));
                    } catch (IOException gone) {
                        log.accept(conn.getPort() + " did not wait to hear it: " + gone.getMessage());
                    }
                    connected.remove(conn);
                }
                // endregion
            }
        } finally {
            pool.shutdown();
            for (Socket conn : connected) {
                conn.close();
            }
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
