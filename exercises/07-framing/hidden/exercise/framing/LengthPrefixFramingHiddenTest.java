package exercise.framing;

import io.socketlab.testkit.ChunkingProxy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

// Instructor notes: the visible tests cover every requirement (allocation: a 32 MiB claim that
// a read asks for in one piece); these vary them: Integer.MIN_VALUE with maxSize
// Integer.MAX_VALUE (a length compared as unsigned, or only against maxSize), a header cut after
// 3 bytes that came in one read, a header claiming ~2 GB with maxSize Integer.MAX_VALUE
// (allocating it up front fails with OutOfMemoryError under the grader's heap limit), empty
// payloads, and frames merged by a stalling proxy over real TCP.
@Timeout(10)
class LengthPrefixFramingHiddenTest {

    @Test
    void rejectsTheSmallestInt() {
        InputStream in = new ByteArrayInputStream(new byte[] {(byte) 0x80, 0, 0, 0, 1});
        assertThrows(FrameException.class, () -> LengthPrefixFraming.readFrame(in, Integer.MAX_VALUE),
                say("header 80 00 00 00 is Integer.MIN_VALUE: negative even when maxSize is Integer.MAX_VALUE",
                        "报头 80 00 00 00 是 Integer.MIN_VALUE：即使 maxSize 是 Integer.MAX_VALUE，它也是负数"));
    }

    @Test
    void rejectsAStreamCutAfterThreeHeaderBytesArrivingTogether() {
        InputStream in = new ByteArrayInputStream(new byte[] {0, 0, 1});
        assertThrows(FrameException.class, () -> LengthPrefixFraming.readFrame(in, 1024),
                say("the stream ended after 3 header bytes that came in one read: a truncated frame",
                        "流在一次读到的 3 个报头字节之后结束了：这是被截断的帧"));
    }

    @Test
    void doesNotAllocateWhatALyingHeaderClaims() {
        InputStream in = new TrickleInputStream(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xf0, 'x', 'y'}, 1);
        assertThrows(FrameException.class, () -> LengthPrefixFraming.readFrame(in, Integer.MAX_VALUE),
                say("the header claims about 2 GB but only 2 bytes follow: read in chunks and report the truncation",
                        "报头声称约有 2 GB，后面却只有 2 个字节：要分块读取，并报告截断"));
    }

    @Test
    void roundTripsAnEmptyPayload() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        LengthPrefixFraming.writeFrame(wire, new byte[0]);
        LengthPrefixFraming.writeFrame(wire, new byte[] {42});
        InputStream in = new ByteArrayInputStream(wire.toByteArray());
        assertArrayEquals(new byte[0], LengthPrefixFraming.readFrame(in, 16));
        assertArrayEquals(new byte[] {42}, LengthPrefixFraming.readFrame(in, 16));
    }

    @Test
    void readsFramesMergedByAStallingProxy() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChunkingProxy proxy = ChunkingProxy.merging(listening.getLocalPort());
             Socket sender = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            listening.setSoTimeout(5000);
            OutputStream out = sender.getOutputStream();
            byte[] big = new byte[3000];
            java.util.Arrays.fill(big, (byte) 'z');
            LengthPrefixFraming.writeFrame(out, "first".getBytes(StandardCharsets.UTF_8));
            LengthPrefixFraming.writeFrame(out, big);
            LengthPrefixFraming.writeFrame(out, "last".getBytes(StandardCharsets.UTF_8));
            proxy.awaitHeld(4 + 5 + 4 + 3000 + 4 + 4);
            try (Socket receiver = listening.accept()) {
                receiver.setSoTimeout(5000);
                proxy.release();
                InputStream in = receiver.getInputStream();
                assertEquals("first", new String(LengthPrefixFraming.readFrame(in, 4096), StandardCharsets.UTF_8));
                assertArrayEquals(big, LengthPrefixFraming.readFrame(in, 4096),
                        say("the 3000-byte frame came merged with its neighbours", "这个 3000 字节的帧和前后两帧合在一起到达"));
                assertEquals("last", new String(LengthPrefixFraming.readFrame(in, 4096), StandardCharsets.UTF_8));
            }
        }
    }
}
