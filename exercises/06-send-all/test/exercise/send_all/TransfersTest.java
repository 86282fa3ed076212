package exercise.send_all;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class TransfersTest {

    @Test
    @Tag("points=3")
    void sendAllKeepsWritingWhenTheChannelTakesOnlyAFewBytes() throws Exception {
        byte[] message = "the whole message, every byte".getBytes(StandardCharsets.UTF_8);
        StingyChannel channel = new StingyChannel(3);
        ByteBuffer data = ByteBuffer.wrap(message);
        Transfers.sendAll(channel, data);
        assertEquals(message.length, channel.taken().length,
                say("the channel took at most 3 bytes per write; after " + channel.calls() + " write call(s) it had "
                        + channel.taken().length + " of " + message.length + " bytes: loop while the buffer has remaining bytes",
                        "通道每次 write 最多接收 3 个字节；调用 " + channel.calls() + " 次 write 之后，它只拿到 "
                        + message.length + " 字节中的 " + channel.taken().length + " 字节：只要缓冲区还有剩余字节，就要继续循环"));
        assertArrayEquals(message, channel.taken());
        assertEquals(0, data.remaining(), say("after sendAll the buffer should have nothing remaining", "sendAll 之后缓冲区里不应该还有剩余字节"));
    }

    @Test
    @Tag("points=3")
    void readExactlyCollectsBytesThatArriveInSmallPieces() throws Exception {
        byte[] content = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(content) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 2));
            }
        };
        // compared as text, so a wrong order or overwritten bytes show as letters, not as numbers
        assertEquals("0123456789", new String(Transfers.readExactly(in, 10), StandardCharsets.UTF_8),
                say("the stream gave 2 bytes per read; readExactly(10) must loop until it has 10, each read"
                        + " putting its bytes after those already there: read(buffer, offset, count - offset)",
                        "这个流每次 read 只给 2 个字节；readExactly(10) 必须循环读，直到凑够 10 个，"
                        + "每次读到的字节要接在已有字节的后面：read(buffer, offset, count - offset)"));
        assertEquals("abcdef", new String(Transfers.readExactly(in, 6), StandardCharsets.UTF_8),
                say("readExactly must not consume more than it returns", "readExactly 从流里读走的字节不能比它返回的多"));
    }

    @Test
    @Tag("points=4")
    void readExactlyReportsAStreamThatEndsEarly() {
        InputStream in = new ByteArrayInputStream(new byte[] {1, 2, 3});
        assertThrows(EOFException.class, () -> Transfers.readExactly(in, 5),
                say("only 3 of 5 bytes exist: throw EOFException instead of returning a short or zero-padded array",
                        "要 5 个字节，流里只有 3 个：应该抛出 EOFException，而不是返回一个更短的或用 0 补齐的数组"));
    }
}
