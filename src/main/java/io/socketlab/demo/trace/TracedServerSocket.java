package io.socketlab.demo.trace;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A plain {@link ServerSocket} that reports bind, listen, accept and close to a {@link TraceListener},
 * and gives every connection it accepts a read timeout, so that a silent client cannot hold a
 * one-client-at-a-time server for ever.
 */
public class TracedServerSocket extends ServerSocket {
    private final TraceListener listener;
    private final int connectionTimeoutMillis;
    private boolean closed;
    private boolean announced;

    /** {@code connectionTimeoutMillis}: the read timeout of each accepted connection (0: none). */
    public TracedServerSocket(TraceListener listener, int connectionTimeoutMillis) throws IOException {
        this.listener = listener;
        this.connectionTimeoutMillis = connectionTimeoutMillis;
    }

    /** Shows the "socket" call once, at bind, when the family is known (AF_INET6 for an IPv6 address). */
    private void announce(SocketAddress endpoint) {
        if (!announced) {
            announced = true;
            listener.onCall(new TraceEvent(Side.SERVER, "socket", TraceText.family(endpoint) + ", SOCK_STREAM", null));
        }
    }

    @Override
    public void bind(SocketAddress endpoint, int backlog) throws IOException {
        announce(endpoint);
        super.bind(endpoint, backlog);
        listener.onCall(new TraceEvent(Side.SERVER, "bind", TraceText.address(getLocalSocketAddress()), null));
        listener.onCall(new TraceEvent(Side.SERVER, "listen", "backlog " + backlog, null));
    }

    @Override
    public Socket accept() throws IOException {
        TracedSocket conn = TracedSocket.forAccept(listener);
        implAccept(conn);
        conn.setSoTimeout(connectionTimeoutMillis);
        listener.onCall(new TraceEvent(Side.SERVER, "accept", TraceText.address(conn.getRemoteSocketAddress()), null));
        return conn;
    }

    @Override
    public synchronized void close() throws IOException {
        super.close();
        if (!closed) {
            closed = true;
            announce(null);
            listener.onCall(new TraceEvent(Side.SERVER, "close", "listening socket", null));
        }
    }
}
