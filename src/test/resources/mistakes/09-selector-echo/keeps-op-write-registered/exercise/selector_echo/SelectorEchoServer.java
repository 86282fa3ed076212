package exercise.selector_echo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;

public final class SelectorEchoServer {
    private SelectorEchoServer() {
    }

    public static void serve(ServerSocketChannel listening) throws IOException {
        try (Selector selector = Selector.open()) {
            listening.configureBlocking(false);
            listening.register(selector, SelectionKey.OP_ACCEPT);
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    selector.select();
                    Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                    while (ready.hasNext()) {
                        SelectionKey key = ready.next();
                        ready.remove();
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            SocketChannel client = listening.accept();
                            if (client != null) {
                                client.configureBlocking(false);
                                // interested in everything, once and for all
                                client.register(selector, SelectionKey.OP_READ | SelectionKey.OP_WRITE,
                                        ByteBuffer.allocate(4096).flip());
                            }
                            continue;
                        }
                        SocketChannel client = (SocketChannel) key.channel();
                        ByteBuffer buffer = (ByteBuffer) key.attachment();
                        try {
                            if (key.isReadable() && !buffer.hasRemaining()) {
                                buffer.clear();
                                if (client.read(buffer) < 0) {
                                    client.close();
                                    continue;
                                }
                                buffer.flip();
                            }
                            if (key.isWritable() && buffer.hasRemaining()) {
                                client.write(buffer);
                            }
                        } catch (IOException reset) {
                            client.close();
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
}
