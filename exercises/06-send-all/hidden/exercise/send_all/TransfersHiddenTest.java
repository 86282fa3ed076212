package exercise.send_all;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.grade.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Instructor notes: a real non-blocking SocketChannel with a small send buffer returns partial
// writes (often 0) once the peer's receive buffer is full; a single write() then drops the tail.
// Also checks sendAll starts at the buffer's position (not 0) and readExactly(0) returns at once.
@Timeout(15)
class TransfersHiddenTest {

    @Test
    void sendAllDeliversFourMegabytesThroughARealSocketChannel() throws Exception {
        byte[] payload = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(payload);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel sender = SocketChannel.open(server.getLocalAddress());
             SocketChannel receiver = server.accept()) {
            receiver.socket().setSoTimeout(10_000);
            InputStream in = receiver.socket().getInputStream();
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return Transfers.readExactly(in, payload.length);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.configureBlocking(false);
            Transfers.sendAll(sender, ByteBuffer.wrap(payload));
            assertArrayEquals(payload, received.get(10, TimeUnit.SECONDS),
                    say("4 MiB sent through a non-blocking channel must all arrive", "通过非阻塞通道发送的 4 MiB 必须全部到达"));
        }
    }

    @Test
    void sendAllStartsAtTheBufferPosition() throws Exception {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {9, 9, 1, 2, 3});
        data.position(2);
        StingyChannel channel = new StingyChannel(1);
        Transfers.sendAll(channel, data);
        assertArrayEquals(new byte[] {1, 2, 3}, channel.taken(),
                say("bytes before the buffer's position were already sent", "缓冲区 position 之前的字节已经发送过了，不要再发"));
    }

    @Test
    void readExactlyZeroBytesReturnsAtOnce() throws Exception {
        InputStream silent = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError(say("readExactly(0) should not read at all", "readExactly(0) 根本不应该读取"));
            }
        };
        assertEquals(0, Transfers.readExactly(silent, 0).length);
    }
}
