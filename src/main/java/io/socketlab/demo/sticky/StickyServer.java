package io.socketlab.demo.sticky;

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

/** Chapter 8: a remote shell over raw TCP, no framing: each command's whole output in one write. */
public final class StickyServer {
    private final ServerSocketFactory sockets;

    public StickyServer(ServerSocketFactory sockets) {
        this.sockets = sockets;
    }

    /** Serves clients one after another until the listening socket is closed from another thread. */
    public void serve(String host, int port, Consumer<ServerSocket> onListening) throws IOException {
        try (ServerSocket phone = sockets.createServerSocket()) {
            phone.setReuseAddress(true);
            phone.bind(new InetSocketAddress(host, port), 5);
            onListening.accept(phone);
            while (!phone.isClosed()) {
                try (Socket conn = phone.accept()) {
                    runCommands(conn.getInputStream(), conn.getOutputStream());
                } catch (SocketException closedOrReset) {
                    if (phone.isClosed()) {
                        return;
                    }
                }
            }
        }
    }

    private static void runCommands(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1024];
        // region run-command
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            String command = new String(buffer, 0, n, StandardCharsets.UTF_8);
            out.write(PretendShell.run(command).getBytes(StandardCharsets.UTF_8)); // all of it, at once
        }
        // endregion
    }
}
