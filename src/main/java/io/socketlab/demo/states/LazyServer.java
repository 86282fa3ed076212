package io.socketlab.demo.states;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Chapter 13: a server that does nothing until told. It listens with a small backlog, accepts only
 * on {@link #acceptOne()}, never reads, and closes only on {@link #closeAll()}; so connections wait in
 * its accept queue, bytes wait in its receive queue, and a caller's close leaves it in CLOSE-WAIT.
 */
public final class LazyServer implements Closeable {
    private final ServerSocket listening;
    private final List<Socket> accepted = new ArrayList<>();

    /** Binds {@code listening} (not bound yet, {@code new ServerSocket()}) to {@code host:port} with {@code backlog}. */
    public LazyServer(ServerSocket listening, String host, int port, int backlog) throws IOException {
        this.listening = listening;
        // region small-backlog
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(host, port), backlog);   // and never accept by itself
        // endregion
    }

    /** The port it listens on. */
    public int port() {
        return listening.getLocalPort();
    }

    /** The listening socket (to close it from elsewhere). */
    public ServerSocket listening() {
        return listening;
    }

    /** Takes the oldest connection out of the accept queue, waiting at most {@code timeoutMillis}. */
    public Socket acceptOne(int timeoutMillis) throws IOException {
        listening.setSoTimeout(timeoutMillis);
        Socket conn = listening.accept();
        synchronized (accepted) {
            accepted.add(conn);
        }
        return conn;
    }

    /** Connections accepted and not closed yet. */
    public int acceptedCount() {
        synchronized (accepted) {
            return accepted.size();
        }
    }

    /** Closes every accepted connection: the server's FIN, which ends each CLOSE-WAIT. */
    public int closeAll() throws IOException {
        synchronized (accepted) {
            int closed = accepted.size();
            for (Socket conn : accepted) {
                conn.close();
            }
            accepted.clear();
            return closed;
        }
    }

    @Override
    public void close() throws IOException {
        closeAll();
        listening.close();
    }
}
