package io.socketlab.demo.many;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Chapter 9: one thread serves every client. A {@link Selector} says which sockets are ready; the
 * loop does only what each one can do without waiting. {@link #close()} stops it from any thread.
 */
public final class SelectorServer implements Closeable {
    private final Consumer<String> log;
    private final Selector selector;
    private volatile boolean stopped;

    public SelectorServer(Consumer<String> log) throws IOException {
        this.log = log;
        this.selector = Selector.open();
    }

    /** Serves on {@code host:port} until {@link #close()}; then closes every connection and the selector. */
    public void serve(String host, int port, Consumer<ServerSocketChannel> onListening) throws IOException {
        try (selector; ServerSocketChannel listening = ServerSocketChannel.open()) {
            // region listen
            listening.socket().setReuseAddress(true);
            listening.bind(new InetSocketAddress(host, port), 50);
            listening.configureBlocking(false);
            listening.register(selector, SelectionKey.OP_ACCEPT);
            // endregion
            onListening.accept(listening);
            try {
                // region event-loop
                while (!stopped) {
                    // sleeps until at least one socket is ready (or close() wakes it)
                    selector.select();
                    log.accept("select: " + readiness(selector));
                    Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                    while (ready.hasNext()) {
                        SelectionKey key = ready.next();
                        ready.remove();
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            accept(listening);
                        } else if (key.isReadable()) {
                            read(key);
                        } else if (key.isWritable()) {
                            write(key);
                        }
                    }
                }
                // endregion
            } finally {
                // region closing
                // while the selector is open: its keys are the list of connected clients
                for (SelectionKey key : selector.keys()) {
                    if (key.channel() instanceof SocketChannel client) {
                        client.close();
                    }
                }
                // endregion
            }
        }
    }

    // region accept
    private void accept(ServerSocketChannel listening) throws IOException {
        SocketChannel client = listening.accept();
        if (client == null) {
            return; // the caller gave up between select and accept
        }
        client.configureBlocking(false);
        // each connection keeps its own buffer: the echo not yet sent
        client.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(1024));
        log.accept("accepted " + name(client));
    }
    // endregion

    // region read
    private void read(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        int n;
        try {
            n = client.read(buffer);
        } catch (IOException reset) {
            n = -1;
        }
        if (n < 0) {
            leave(key, client);
            return;
        }
        buffer.flip();
        upperCaseAscii(buffer);
        write(key);
    }

    private void leave(SelectionKey key, SocketChannel client) throws IOException {
        log.accept(name(client) + " left");
        key.cancel();
        client.close();
    }
    // endregion

    // region write
    private void write(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        try {
            client.write(buffer);
        } catch (IOException reset) {
            // the client is gone (reset, broken pipe): drop it, and only it
            leave(key, client);
            return;
        }
        if (buffer.hasRemaining()) {
            // the client's window is full: wait for OP_WRITE, and read nothing more from it meanwhile
            key.interestOps(SelectionKey.OP_WRITE);
        } else {
            buffer.clear();
            key.interestOps(SelectionKey.OP_READ);
        }
    }
    // endregion

    /** Stops the loop at its next turn (wakes a select that is sleeping). */
    @Override
    public void close() {
        stopped = true;
        selector.wakeup();
    }

    /** ASCII only: a read may end inside a multi-byte UTF-8 character, which must pass through untouched. */
    private static void upperCaseAscii(ByteBuffer buffer) {
        for (int i = buffer.position(); i < buffer.limit(); i++) {
            byte b = buffer.get(i);
            if (b >= 'a' && b <= 'z') {
                buffer.put(i, (byte) (b - 'a' + 'A'));
            }
        }
    }

    /** One turn of the loop: which sockets were ready, and for what. */
    private static String readiness(Selector selector) {
        List<String> ready = new ArrayList<>();
        for (SelectionKey key : selector.selectedKeys()) {
            String who = key.channel() instanceof SocketChannel client ? name(client) : "listening socket";
            ready.add(who + (key.isAcceptable() ? " OP_ACCEPT" : "") + (key.isReadable() ? " OP_READ" : "")
                    + (key.isWritable() ? " OP_WRITE" : ""));
        }
        return ready.isEmpty() ? "woken, nothing ready" : String.join(", ", ready);
    }

    private static String name(SocketChannel client) {
        return client.socket().getInetAddress().getHostAddress() + ":" + client.socket().getPort();
    }
}
