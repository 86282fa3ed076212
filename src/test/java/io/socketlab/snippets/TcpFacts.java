package io.socketlab.snippets;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The connection facts of chapters 2 and 5 (the accept queue, restarts, resets, broken pipes), each in
 * a named region that the lessons include. TcpFactsTest runs every region on 127.0.0.1.
 */
final class TcpFacts {

    private TcpFacts() {
    }

    /** A listening socket on 127.0.0.1 that nobody accepts on yet; returns it unaccepted. */
    static ServerSocket listenWithoutAccepting(int backlog) throws IOException {
        // region listen-only
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0), backlog);
        // no accept(): the kernel still completes connections, and queues them
        // endregion
        return server;
    }

    /** Whether a fresh, unbound ServerSocket has SO_REUSEADDR on before anyone touched it. */
    static boolean reuseAddressByDefault() throws IOException {
        // region reuse-default
        try (ServerSocket server = new ServerSocket()) {   // not bound yet
            return server.getReuseAddress();               // true on Linux
        }
        // endregion
    }

    /** Binds a new listening socket to {@code port} with SO_REUSEADDR off, as Python's default is. */
    static ServerSocket bindWithoutReuse(int port) throws IOException {
        // region bind-without-reuse
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(false);     // before bind, as Python leaves it
        server.bind(new InetSocketAddress("127.0.0.1", port), 5);
        // endregion
        return server;
    }

    /** Closes {@code conn} abortively: the peer gets a reset instead of an end of stream. */
    static void hangUpAbortively(Socket conn) throws IOException {
        // region abortive-close
        conn.setSoLinger(true, 0);   // linger 0 seconds: drop everything
        conn.close();                // sends RST, not FIN
        // endregion
    }

    /** What the peer's next read says: the text read, "end of stream", or the exception's message. */
    static String readOnce(Socket socket) {
        // region read-outcome
        try {
            byte[] buffer = new byte[1024];
            int n = socket.getInputStream().read(buffer);
            return n < 0 ? "end of stream"                  // recv returned b''
                         : new String(buffer, 0, n, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException silence) {
            return "timed out";                             // nothing came at all
        } catch (IOException e) {
            return e.getMessage();                          // "Connection reset"
        }
        // endregion
    }

    /**
     * Writes one byte at a time to a peer that has closed, until a write fails; returns that failure's
     * message. Gives up (returns null) after {@code seconds}.
     */
    static String writeUntilRefused(Socket socket, int seconds) throws IOException {
        OutputStream out = socket.getOutputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                out.write('x');   // the first write is taken; the peer answers it with RST
            } catch (IOException e) {
                return e.getMessage();   // "Broken pipe"
            }
            // give the peer's reset time to come back before the next write
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return null;
    }
}
