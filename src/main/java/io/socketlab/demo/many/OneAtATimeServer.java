package io.socketlab.demo.many;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;

/** Chapter 5's server again: one thread, so the second client waits until the first has left. */
public final class OneAtATimeServer {
    private final ServerSocketFactory sockets;
    private final Consumer<String> log;

    public OneAtATimeServer(ServerSocketFactory sockets, Consumer<String> log) {
        this.sockets = sockets;
        this.log = log;
    }

    /** Serves one client after another until the listening socket is closed from another thread. */
    public void serve(String host, int port, Consumer<ServerSocket> onListening) throws IOException {
        try (ServerSocket listening = sockets.createServerSocket()) {
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(host, port), 50);
            onListening.accept(listening);
            // region one-at-a-time
            while (true) {
                Socket conn;
                try {
                    conn = listening.accept();
                } catch (SocketException closed) {
                    return;
                }
                // nobody calls accept until this client has left
                Conversation.talk(conn, log);
            }
            // endregion
        }
    }
}
