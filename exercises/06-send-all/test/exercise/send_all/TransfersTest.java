package exercise.send_all;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
                "the channel took at most 3 bytes per write; after " + channel.calls() + " write call(s) it had "
                        + channel.taken().length + " of " + message.length + " bytes: loop while the buffer has remaining bytes");
        assertArrayEquals(message, channel.taken());
        assertEquals(0, data.remaining(), "after sendAll the buffer should have nothing remaining");
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
        assertArrayEquals("0123456789".getBytes(StandardCharsets.UTF_8), Transfers.readExactly(in, 10),
                "the stream gave 2 bytes per read; readExactly(10) must loop until it has 10");
        assertArrayEquals("abcdef".getBytes(StandardCharsets.UTF_8), Transfers.readExactly(in, 6),
                "readExactly must not consume more than it returns");
    }

    @Test
    @Tag("points=4")
    void readExactlyReportsAStreamThatEndsEarly() {
        InputStream in = new ByteArrayInputStream(new byte[] {1, 2, 3});
        assertThrows(EOFException.class, () -> Transfers.readExactly(in, 5),
                "only 3 of 5 bytes exist: throw EOFException instead of returning a short or zero-padded array");
    }
}
