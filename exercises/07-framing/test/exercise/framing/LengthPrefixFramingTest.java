package exercise.framing;

import io.socketlab.testkit.ChunkingProxy;
import io.socketlab.testkit.LearnerCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class LengthPrefixFramingTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Tag("points=2")
    void writesAFourByteBigEndianLengthThenThePayload() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LengthPrefixFraming.writeFrame(out, utf8("hello"));
        assertArrayEquals(new byte[] {0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'}, out.toByteArray(),
                say("writeFrame(\"hello\") should write 00 00 00 05 then the 5 bytes; you wrote ",
                        "writeFrame(\"hello\") 应该先写 00 00 00 05，再写这 5 个字节；你写的是 ") + Arrays.toString(out.toByteArray()));
    }

    @Test
    @Tag("points=2")
    void readsFramesDeliveredOneByteAtATime() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        LengthPrefixFraming.writeFrame(wire, utf8("dir"));
        LengthPrefixFraming.writeFrame(wire, utf8("ipconfig"));
        InputStream in = new TrickleInputStream(wire.toByteArray(), 1);
        assertEquals("dir", new String(LengthPrefixFraming.readFrame(in, 1024), StandardCharsets.UTF_8),
                say("the stream gave one byte per read; a reader that trusts one read gets a partial header or payload",
                        "这个流每次 read 只给一个字节；以为读一次就够的代码只会拿到不完整的头部或内容"));
        assertEquals("ipconfig", new String(LengthPrefixFraming.readFrame(in, 1024), StandardCharsets.UTF_8));
        assertNull(readAtTheCleanEnd(in),
                say("after the last frame the stream ended cleanly: return null", "最后一帧之后流正常结束了：应该返回 null"));
    }

    /** readFrame on a stream that ends before a header: a throw fails with what to do instead. */
    private static byte[] readAtTheCleanEnd(InputStream in) {
        try {
            return LengthPrefixFraming.readFrame(in, 1024);
        } catch (IOException e) {
            StackTraceElement frame = LearnerCode.where(e.getStackTrace());
            String at = frame == null ? "" : say(" (at " + LearnerCode.place(frame) + ")", "（位于 " + LearnerCode.place(frame) + "）");
            boolean readInt = e instanceof EOFException;
            throw new AssertionError(say("after the last frame the stream ended cleanly, before any header byte: return null there instead of throwing "
                    + e + at + (readInt ? "; DataInputStream.readInt throws it at the end of the stream, so read the first header byte"
                    + " yourself and return null when read gives -1" : ""),
                    "最后一帧之后流正常结束了，还没有任何头部字节：这时应该返回 null，而不是抛出 " + e + at
                    + (readInt ? "；DataInputStream.readInt 在流结束时会抛出它，所以要自己读头部的第一个字节，read 返回 -1 时返回 null" : "")), e);
        }
    }

    @Test
    @Tag("points=2")
    void separatesFramesMergedIntoOneRead() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String message : new String[] {"a", "bb", "ccc"}) {
            LengthPrefixFraming.writeFrame(wire, utf8(message));
        }
        InputStream in = new ByteArrayInputStream(wire.toByteArray());
        for (String message : new String[] {"a", "bb", "ccc"}) {
            assertEquals(message, new String(LengthPrefixFraming.readFrame(in, 1024), StandardCharsets.UTF_8),
                    say("three frames arrived together; each readFrame must return exactly one (do you read past the payload?)",
                            "三帧一起到达；每次 readFrame 必须正好返回一帧（你是不是读过了内容的末尾？）"));
        }
    }

    @Test
    @Tag("points=2")
    void rejectsAFrameLargerThanTheMaximum() {
        InputStream in = new ByteArrayInputStream(new byte[] {0, 0, 4, 1, 'x'});
        assertThrows(FrameException.class, () -> LengthPrefixFraming.readFrame(in, 1024),
                say("the header claims 1025 bytes with maxSize 1024: throw FrameException before reading the payload",
                        "头部声称有 1025 个字节，而 maxSize 是 1024：要在读取内容之前抛出 FrameException"));
    }

    @Test
    @Tag("points=2")
    void readsFramesSplitOneByteAtATimeOverTcp() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChunkingProxy proxy = ChunkingProxy.splitting(listening.getLocalPort(), 1);
             Socket sender = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            listening.setSoTimeout(5000);
            OutputStream out = sender.getOutputStream();
            LengthPrefixFraming.writeFrame(out, utf8("粘包 sticky"));
            LengthPrefixFraming.writeFrame(out, utf8("second"));
            try (Socket receiver = listening.accept()) {
                receiver.setSoTimeout(5000);
                InputStream in = receiver.getInputStream();
                assertEquals("粘包 sticky", new String(LengthPrefixFraming.readFrame(in, 1024), StandardCharsets.UTF_8),
                        say("a proxy delivered the bytes one TCP segment per byte", "代理把字节一个一个地送达，每个 TCP 段只有一个字节"));
                assertEquals("second", new String(LengthPrefixFraming.readFrame(in, 1024), StandardCharsets.UTF_8),
                        say("the second frame, one byte at a time as well: each read may return less than asked,"
                                + " so the header and the body must both be read until they are whole",
                                "第二帧同样是一个字节一个字节地到达：每次 read 拿到的都可能比要的少，"
                                + "所以长度头和正文都要一直读，直到读完整"));
            }
        }
    }
}
