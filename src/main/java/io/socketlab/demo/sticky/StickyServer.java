package io.socketlab.demo.sticky;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Chapter 8: a remote shell over raw TCP, no framing: each command's whole output in one write. */
public final class StickyServer {
    private StickyServer() {
    }

    /**
     * Serves clients one after another on {@code phone} (bound and listening) until it is closed from
     * another thread. A client that resets or stays silent past its connection's read timeout is let go.
     */
    public static void serve(ServerSocket phone) throws IOException {
        try (phone) {
            while (!phone.isClosed()) {
                try (Socket conn = phone.accept()) {
                    runCommands(conn.getInputStream(), conn.getOutputStream());
                } catch (SocketTimeoutException | SocketException closedResetOrSilent) {
                    if (phone.isClosed()) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * Accepts one client on {@code phone} (bound and listening), lets {@code holdBack} delay the server
     * while the connection is up and nothing has been read, then makes a single recv of up to 1024
     * bytes and returns exactly the bytes it brought (empty when the client closed first). Both
     * sockets are closed on return.
     */
    public static byte[] receiveOnce(ServerSocket phone, HoldBack holdBack) throws IOException {
        try (phone; Socket conn = phone.accept()) {
            holdBack.await(conn);
            // region one-recv
            byte[] buffer = new byte[1024];
            // one recv: whatever has arrived, from any number of sends
            int n = conn.getInputStream().read(buffer);
            // endregion
            return n < 0 ? new byte[0] : Arrays.copyOf(buffer, n);
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
