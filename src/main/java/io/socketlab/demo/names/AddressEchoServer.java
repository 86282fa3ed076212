package io.socketlab.demo.names;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Chapter 12: a server that tells each caller the connection's two ends as it sees them, the
 * 4-tuple (caller's address and port, its own address and port), then hangs up.
 */
public final class AddressEchoServer {
    private AddressEchoServer() {
    }

    /** Serves callers on {@code listening} (bound) until it is closed from another thread. */
    public static void serve(ServerSocket listening) throws IOException {
        try (listening) {
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
