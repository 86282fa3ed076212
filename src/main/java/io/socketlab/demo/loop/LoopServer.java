package io.socketlab.demo.loop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;

/** Chapter 5: a TCP server with a connection loop around a communication loop. */
public final class LoopServer {
    private final ServerSocketFactory sockets;
    private final Consumer<String> log;

    public LoopServer(ServerSocketFactory sockets, Consumer<String> log) {
        this.sockets = sockets;
        this.log = log;
    }

    /**
     * Serves one client after another until the listening socket is closed from another thread
     * (then returns normally). A client that leaves or resets is logged; the next one is served.
     */
    public void serve(String host, int port, Consumer<ServerSocket> onListening) throws IOException {
        try (ServerSocket phone = sockets.createServerSocket()) {
            // restart at once, even if the old port is in TIME_WAIT
            phone.setReuseAddress(true);
            phone.bind(new InetSocketAddress(host, port), 5);
            onListening.accept(phone);
            // region connection-loop
            while (!phone.isClosed()) {
                Socket conn;
                try {
                    // the next caller in the queue
                    conn = phone.accept();
                } catch (SocketException closed) {
                    // somebody closed the listening socket: stop
                    return;
                }
                talk(conn);
            }
            // endregion
        }
    }

    private void talk(Socket conn) throws IOException {
        try (conn) {
            InputStream in = conn.getInputStream();
            OutputStream out = conn.getOutputStream();
            byte[] buffer = new byte[1024];
            // region communication-loop
            while (true) {
                int n = in.read(buffer);
                // Python's recv returns b'': the caller hung up
                if (n < 0) {
                    log.accept("client left");
                    return;
                }
                String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
                out.write(text.toUpperCase().getBytes(StandardCharsets.UTF_8));
            }
            // endregion
        } catch (SocketException reset) {
            // region reset
            log.accept("connection lost: " + reset.getMessage()); // a reset: serve the next client anyway
            // endregion
        }
    }
}
