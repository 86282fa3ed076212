package io.socketlab.demo.states;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Chapter 13: clients of one server, opened and closed on request. A call that the server's full
 * accept queue holds up stays pending instead of blocking, so its SYN-SENT can be looked at.
 */
public final class Callers implements Closeable {
    private final InetSocketAddress server;
    private final Deque<Socket> open = new ArrayDeque<>();
    private final Deque<SocketChannel> pending = new ArrayDeque<>();

    public Callers(String host, int port) {
        this.server = new InetSocketAddress(host, port);
    }

    /**
     * Starts a connection and waits up to {@code waitMillis} for the handshake. True when it finished;
     * false when it is still pending (the server's accept queue is full and its SYN went unanswered).
     */
    public synchronized boolean open(int waitMillis) throws IOException {
        // region pending-connect
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        boolean connected = channel.connect(server);    // sends the SYN, does not wait
        if (!connected) {
            try (Selector selector = Selector.open()) {
                channel.register(selector, SelectionKey.OP_CONNECT);
                if (selector.select(waitMillis) > 0) {      // the handshake ended within the wait
                    connected = channel.finishConnect();    // true, or throws if it was refused
                }
            }
        }
        // endregion
        if (!connected) {
            pending.add(channel);
            return false;
        }
        channel.configureBlocking(true);
        open.add(channel.socket());
        return true;
    }

    /** Connections open, and calls still waiting for the handshake. */
    public synchronized int openCount() {
        return open.size();
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    /** The newest open connection sends {@code text}; false when none is open. */
    public synchronized boolean send(String text) throws IOException {
        Socket newest = open.peekLast();
        if (newest == null) {
            return false;
        }
        newest.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    /** Closes the oldest open connection with a FIN; false when none is open. */
    public synchronized boolean closeOldest() throws IOException {
        Socket oldest = open.pollFirst();
        if (oldest == null) {
            return false;
        }
        // region fin
        oldest.close();          // FIN: "I am done"; the kernel finishes the goodbye
        // endregion
        return true;
    }

    /** Aborts the oldest open connection with a RST instead of a FIN; false when none is open. */
    public synchronized boolean resetOldest() throws IOException {
        Socket oldest = open.pollFirst();
        if (oldest == null) {
            return false;
        }
        // region rst
        oldest.setSoLinger(true, 0);   // linger 0 s: drop what is unsent,
        oldest.close();                // and send RST instead of FIN
        // endregion
        return true;
    }

    @Override
    public synchronized void close() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        for (SocketChannel channel : pending) {
            channel.close();
        }
        open.clear();
        pending.clear();
    }
}
