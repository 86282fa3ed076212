package io.socketlab.demo.names;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;

/**
 * Chapter 12: a server that tells each caller the connection's two ends as it sees them, the
 * 4-tuple (caller's address and port, its own address and port), then hangs up.
 */
public final class AddressEchoServer {
    private final ServerSocketFactory sockets;

    public AddressEchoServer(ServerSocketFactory sockets) {
        this.sockets = sockets;
    }

    /** Serves callers until the listening socket is closed from another thread. */
    public void serve(String host, int port, Consumer<ServerSocket> onListening) throws IOException {
        try (ServerSocket listening = sockets.createServerSocket()) {
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(host, port), 50);
            onListening.accept(listening);
            while (!listening.isClosed()) {
                try (Socket conn = listening.accept()) {
                    // region four-tuple
                    InetSocketAddress peer = (InetSocketAddress) conn.getRemoteSocketAddress();
                    InetSocketAddress me = (InetSocketAddress) conn.getLocalSocketAddress();
                    String line = "you are " + Endpoints.text(peer) + ", I am " + Endpoints.text(me) + "\n";
                    // endregion
                    OutputStream out = conn.getOutputStream();
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (SocketException closedOrReset) {
                    if (listening.isClosed()) {
                        return;
                    }
                }
            }
        }
    }
}
