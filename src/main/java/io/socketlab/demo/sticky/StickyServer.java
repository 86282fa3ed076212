package io.socketlab.demo.sticky;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    /**
     * Accepts one client, lets {@code holdBack} delay the server while the connection is up and nothing
     * has been read, then makes a single recv of up to 1024 bytes and returns exactly the bytes it
     * brought (empty when the client closed first). Both sockets are closed on return.
     */
    public byte[] receiveOnce(String host, int port, Consumer<ServerSocket> onListening, HoldBack holdBack) throws IOException {
        try (ServerSocket phone = sockets.createServerSocket()) {
            phone.setReuseAddress(true);
            phone.bind(new InetSocketAddress(host, port), 5);
            onListening.accept(phone);
            try (Socket conn = phone.accept()) {
                conn.setSoTimeout(5000);
                holdBack.await(conn);
                // region one-recv
                byte[] buffer = new byte[1024];
                // one recv: whatever has arrived, from any number of sends
                int n = conn.getInputStream().read(buffer);
                // endregion
                return n < 0 ? new byte[0] : Arrays.copyOf(buffer, n);
            }
        }
    }

    /** What keeps a busy server from reading straight away. */
    @FunctionalInterface
    public interface HoldBack {
        /** Returns when the server may read from {@code conn}. */
        void await(Socket conn) throws IOException;
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
