package io.socketlab.demo.many;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;

/** Chapter 9: a new thread for every client, so the accepting thread is back at accept at once. */
public final class ThreadPerClientServer {
    private final ServerSocketFactory sockets;
    private final Consumer<String> log;

    public ThreadPerClientServer(ServerSocketFactory sockets, Consumer<String> log) {
        this.sockets = sockets;
        this.log = log;
    }

    /**
     * Serves every client on its own thread until the listening socket is closed from another
     * thread; then closes the clients still connected and waits for their threads.
     */
    public void serve(String host, int port, Consumer<ServerSocket> onListening) throws IOException, InterruptedException {
        List<Socket> connected = new CopyOnWriteArrayList<>();
        List<Thread> workers = new CopyOnWriteArrayList<>();
        try (ServerSocket listening = sockets.createServerSocket()) {
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(host, port), 50);
            onListening.accept(listening);
            // region thread-per-client
            while (true) {
                Socket conn;
                try {
                    conn = listening.accept();
                } catch (SocketException closed) {
                    break;
                }
                connected.add(conn);
                Thread worker = new Thread(() -> {
                    Conversation.talk(conn, log);
                    connected.remove(conn);
                }, "client-" + conn.getPort());
                workers.add(worker);
                worker.start();
            }
            // endregion
        } finally {
            // region shutdown
            for (Socket conn : connected) {
                conn.close();
            }
            for (Thread worker : workers) {
                worker.join(5000);
            }
            // endregion
        }
    }
}
