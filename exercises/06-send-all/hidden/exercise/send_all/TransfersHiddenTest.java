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
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
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
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            Transfers.sendAll(sender, buffer);
            int left = buffer.remaining();
            assertEquals(0, left, say("sendAll returned with " + left + " of " + payload.length + " bytes not sent: on a non-blocking"
                    + " channel, write may take only some of the bytes, or none; call it again until nothing remains",
                    "sendAll 返回时，" + payload.length + " 字节中还有 " + left + " 字节没有发出：在非阻塞通道上，write 可能只写出一部分，"
                    + "甚至一个字节也不写；要反复调用 write，直到全部写完"));
            // the end of the stream: a readExactly still waiting fails at once instead of at the time limit
            sender.shutdownOutput();
            byte[] got;
            try {
                got = received.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError(say("readExactly had not returned 10 s after all 4 MiB were sent and the sender closed",
                        "4 MiB 全部发出、发送方也关闭之后，readExactly 过了 10 秒还没有返回"));
            }
            assertArrayEquals(payload, got,
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
