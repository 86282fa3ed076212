package exercise.selector_echo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

/** An echo server of chapter 9: one thread, one Selector, every client at once. */
public final class SelectorEchoServer {
    /** How many bytes of one client's echo may wait in the server; while they wait, that client is not read. */
    static final int BUFFER_SIZE = 4096;

    private SelectorEchoServer() {
    }

    /**
     * Echoes every byte each client sends back to that client, in order, serving all clients on
     * the calling thread, until the thread is interrupted; then closes every client and returns.
     * {@code listening} is bound and in blocking mode; closing it is the caller's job.
     */
    public static void serve(ServerSocketChannel listening) throws IOException {
        try (Selector selector = Selector.open()) {
            listening.configureBlocking(false);
            listening.register(selector, SelectionKey.OP_ACCEPT);
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    // an interrupt wakes select, and the loop condition ends the loop
                    selector.select();
                    Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                    while (ready.hasNext()) {
                        SelectionKey key = ready.next();
                        ready.remove();
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            accept(listening, selector);
                        } else if (key.isReadable()) {
                            read(key);
                        } else if (key.isWritable()) {
                            write(key);
                        }
                    }
                }
            } finally {
                for (SelectionKey key : selector.keys()) {
                    if (key.channel() instanceof SocketChannel client) {
                        client.close();
                    }
                }
            }
        }
    }

    private static void accept(ServerSocketChannel listening, Selector selector) throws IOException {
        SocketChannel client = listening.accept();
        if (client != null) {
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(BUFFER_SIZE));
        }
    }

    private static void read(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        int n;
        try {
            n = client.read(buffer);
        } catch (IOException reset) {
            n = -1;
        }
        if (n < 0) {
            client.close();
            return;
        }
        buffer.flip();
        write(key);
    }

    private static void write(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        try {
            client.write(buffer);
        } catch (IOException reset) {
            client.close();
            return;
        }
        if (buffer.hasRemaining()) {
            // the client is not reading fast enough: wait until it can take more, reading nothing meanwhile
            key.interestOps(SelectionKey.OP_WRITE);
        } else {
            buffer.clear();
            key.interestOps(SelectionKey.OP_READ);
        }
    }
}
