package io.socketlab.demo.many;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chapter 9's servers close cleanly, as the lesson says: stopping a model hangs up on its clients
 * and returns without an error, and a client that vanishes (a reset) is dropped while the others
 * are served. Each model runs on a thread of its own; {@link Running} says what serve ended with.
 */
@Timeout(60)
class ServerModelsClosingTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** One model serving on 127.0.0.1, port 0, on its own thread. */
    private static final class Running implements AutoCloseable {
        final List<String> log = new CopyOnWriteArrayList<>();
        final CompletableFuture<Throwable> ended = new CompletableFuture<>();
        final java.io.Closeable stop;
        final int port;
        private final Thread thread;

        Running(String model) throws Exception {
            CompletableFuture<java.util.Map.Entry<java.io.Closeable, Integer>> started = new CompletableFuture<>();
            thread = new Thread(() -> {
                try {
                    ServerModels.run(model, "127.0.0.1", 0, ServerSocketFactory.getDefault(), log::add,
                            (stop, port) -> started.complete(java.util.Map.entry(stop, port)));
                    ended.complete(null);
                } catch (Throwable e) {
                    ended.complete(e);
                    started.completeExceptionally(e);
                }
            }, "model-" + model);
            thread.setDaemon(true);
            thread.start();
            java.util.Map.Entry<java.io.Closeable, Integer> listening = started.get(10, TimeUnit.SECONDS);
            stop = listening.getKey();
            port = listening.getValue();
        }

        /** Stops the model; what serve threw on the way out, or null when it returned. */
        Throwable stopAndAwait() throws Exception {
            stop.close();
            return ended.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            stop.close();
            thread.join(10_000);
        }
    }

    private static Socket client(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(LOOPBACK, port), 5000);
        socket.setSoTimeout(5000);
        return socket;
    }

    private static String say(Socket socket, String line) throws IOException {
        byte[] data = line.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(data);
        return new String(socket.getInputStream().readNBytes(data.length), StandardCharsets.UTF_8);
    }

    @Test
    void stoppingTheSelectorModelHangsUpOnItsClientsAndReturnsQuietly() throws Exception {
        try (Running selector = new Running("selector"); Socket a = client(selector.port); Socket b = client(selector.port)) {
            assertEquals("HELLO", say(a, "hello"));
            assertEquals("HI", say(b, "hi"));
            Throwable thrown = selector.stopAndAwait();
            assertEquals(null, thrown, "serve should return when stopped, not throw: " + thrown);
            assertEquals(-1, a.getInputStream().read(), "the server closes every client's channel when it stops");
            assertEquals(-1, b.getInputStream().read(), "the server closes every client's channel when it stops");
        }
    }

    @Test
    void aClientResetWhileItsEchoWaitsForOpWriteDisturbsNobody() throws Exception {
        try (Running selector = new Running("selector")) {
            SocketChannel greedy = SocketChannel.open();
            greedy.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
            greedy.setOption(StandardSocketOptions.SO_SNDBUF, 16 * 1024);
            greedy.connect(new InetSocketAddress(LOOPBACK, selector.port));
            floodUntilTheServerStopsReading(greedy);
            // the server holds an echo it cannot send (OP_WRITE): now the client vanishes with a reset
            greedy.setOption(StandardSocketOptions.SO_LINGER, 0);
            greedy.close();
            try (Socket other = client(selector.port)) {
                assertEquals("STILL HERE?", say(other, "still here?"), "the others are served after one client reset");
            }
            assertFalse(selector.ended.isDone(), "serve ended after one client reset: " + selector.ended.getNow(null));
        }
    }

    @Test
    void aTurnedAwayClientThatAlreadyResetDoesNotStopThePool() throws Exception {
        try (Running pool = new Running("pool"); Socket a = client(pool.port); Socket b = client(pool.port);
             Socket c = client(pool.port)) {
            assertEquals("A", say(a, "a"));
            assertEquals("B", say(b, "b"));
            c.getOutputStream().write('c'); // waits in the queue of one
            for (int i = 0; i < 20; i++) {
                // callers beyond the queue that reset at once: the server's "server busy" meets a dead connection
                try (Socket gone = client(pool.port)) {
                    gone.setSoLinger(true, 0);
                }
            }
            try (Socket d = client(pool.port)) {
                assertEquals('s', d.getInputStream().read(), "still listening and turning callers away");
            }
            assertFalse(pool.ended.isDone(), "serve ended: " + pool.ended.getNow(null));
            assertTrue(pool.log.stream().anyMatch(line -> line.startsWith("pool full: turning away ")), pool.log.toString());
        }
    }

    /** Sends without reading until nothing more goes out for 2 s: the server stopped reading this client. */
    private static void floodUntilTheServerStopsReading(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_WRITE);
            for (long sent = 0; sent < 64L * 1024 * 1024; ) {
                chunk.clear();
                int n = channel.write(chunk);
                sent += n;
                if (n == 0) {
                    if (selector.select(2000) == 0) {
                        return;
                    }
                    selector.selectedKeys().clear();
                }
            }
        }
        throw new AssertionError("the server kept reading 64 MiB from a client that reads nothing");
    }
}
