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
                        "这个流每次 read 只给一个字节；以为读一次就够的代码只会拿到不完整的报头或内容"));
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
                    "最后一帧之后流正常结束了，还没有任何报头字节：这时应该返回 null，而不是抛出 " + e + at
                    + (readInt ? "；DataInputStream.readInt 在流结束时会抛出它，所以要自己读报头的第一个字节，read 返回 -1 时返回 null" : "")), e);
        }
    }

    @Test
    @Tag("points=1")
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
    @Tag("points=1")
    void rejectsALengthThatIsNegativeOrAboveTheMaximum() {
        InputStream large = new ByteArrayInputStream(new byte[] {0, 0, 4, 1, 'x'});
        assertThrows(FrameException.class, () -> LengthPrefixFraming.readFrame(large, 1024),
                say("the header claims 1025 bytes with maxSize 1024: throw FrameException before reading the payload",
                        "报头声称有 1025 个字节，而 maxSize 是 1024：要在读取内容之前抛出 FrameException"));
        InputStream negative = new ByteArrayInputStream(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe, 1, 2});
        assertThrows(FrameException.class, () -> LengthPrefixFraming.readFrame(negative, 1024),
                say("the header ff ff ff fe is -2 as a signed int (what DataInputStream.readInt gives): a corrupt frame, throw FrameException",
                        "报头 ff ff ff fe 作为有符号 int 是 -2（DataInputStream.readInt 读出来就是这样）：这是损坏的帧，要抛出 FrameException"));
    }

    @Test
    @Tag("points=1")
    void aStreamCutInsideTheHeaderIsAFrameException() {
        InputStream in = new TrickleInputStream(new byte[] {0, 0}, 1);
        byte[] frame;
        try {
            frame = LengthPrefixFraming.readFrame(in, 1024);
        } catch (FrameException expected) {
            return;
        } catch (IOException e) {
            throw new AssertionError(wrongException("the stream ended after 2 of the 4 header bytes", "流在 4 个报头字节中的 2 个之后结束了", e), e);
        }
        throw new AssertionError(say("the stream ended after 2 of the 4 header bytes and readFrame returned "
                + (frame == null ? "null" : frame.length + " bytes") + ": that is a truncated frame, throw FrameException;"
                + " null is only for a stream that ends before the first header byte",
                "流在 4 个报头字节中的 2 个之后结束了，readFrame 却返回了 " + (frame == null ? "null" : frame.length + " 个字节")
                + "：这是被截断的帧，要抛出 FrameException；只有在第一个报头字节之前就结束的流才返回 null"));
    }

    @Test
    @Tag("points=1")
    void aStreamCutInsideThePayloadIsAFrameException() {
        InputStream in = new TrickleInputStream(new byte[] {0, 0, 0, 10, 'a', 'b', 'c'}, 2);
        byte[] frame;
        try {
            frame = LengthPrefixFraming.readFrame(in, 1024);
        } catch (FrameException expected) {
            return;
        } catch (IOException e) {
            throw new AssertionError(wrongException("the header promised 10 bytes, 3 came, then the stream ended",
                    "报头说有 10 个字节，只来了 3 个，流就结束了", e), e);
        }
        throw new AssertionError(say("the header promised 10 bytes, 3 came, then the stream ended, and readFrame returned "
                + (frame == null ? "null" : frame.length + " bytes") + ": a short frame is a truncated frame, throw FrameException",
                "报头说有 10 个字节，只来了 3 个，流就结束了，readFrame 却返回了 " + (frame == null ? "null" : frame.length + " 个字节")
                + "：不完整的帧就是被截断的帧，要抛出 FrameException"));
    }

    /** A header, two payload bytes, then the end; it remembers the most bytes one read asked for. */
    private static final class LyingHeaderStream extends InputStream {
        private final ByteArrayInputStream bytes;
        private int largestAsk;

        LyingHeaderStream(int claimed) {
            bytes = new ByteArrayInputStream(new byte[] {(byte) (claimed >>> 24), (byte) (claimed >>> 16),
                (byte) (claimed >>> 8), (byte) claimed, 'x', 'y'});
        }

        @Override
        public int read() {
            largestAsk = Math.max(largestAsk, 1);
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            largestAsk = Math.max(largestAsk, len);
            return bytes.read(b, off, Math.min(len, 1));
        }
    }

    @Test
    @Tag("points=1")
    void doesNotAllocateTheClaimedLengthBeforeTheBytesArrive() {
        int claimed = 32 * 1024 * 1024;
        LyingHeaderStream in = new LyingHeaderStream(claimed);
        byte[] frame;
        try {
            frame = LengthPrefixFraming.readFrame(in, Integer.MAX_VALUE);
        } catch (FrameException expected) {
            frame = null;
        } catch (IOException e) {
            throw new AssertionError(wrongException("the header claimed 32 MiB, 2 bytes came, then the stream ended",
                    "报头声称有 32 MiB，只来了 2 个字节，流就结束了", e), e);
        }
        if (in.largestAsk > 64 * 1024) {
            throw new AssertionError(say("the header claimed " + claimed + " bytes and only 2 followed, but a single read asked for more"
                    + " than 64 KiB at once: the buffer was sized by what the header claims before the bytes arrived."
                    + " With maxSize Integer.MAX_VALUE a lying header then costs 2 GB; read in chunks of at most 64 KiB and let the"
                    + " buffer grow with what really arrives (a ByteArrayOutputStream, or InputStream.readNBytes(count))",
                    "报头声称有 " + claimed + " 个字节，后面只有 2 个，可是有一次 read 一下子就要了超过 64 KiB："
                    + "缓冲区是按报头声称的长度在字节到达之前分配的。maxSize 是 Integer.MAX_VALUE 时，一个说谎的报头就要花掉 2 GB；"
                    + "要按每块最多 64 KiB 读取，让缓冲区随着真正到达的字节增长（用 ByteArrayOutputStream，或者 InputStream.readNBytes(count)）"));
        }
        if (frame != null) {
            throw new AssertionError(say("the header claimed " + claimed + " bytes, 2 came, then the stream ended, and readFrame returned "
                    + frame.length + " bytes: a short frame is a truncated frame, throw FrameException",
                    "报头声称有 " + claimed + " 个字节，只来了 2 个，流就结束了，readFrame 却返回了 " + frame.length
                    + " 个字节：不完整的帧就是被截断的帧，要抛出 FrameException"));
        }
    }

    /** What to say when a truncated frame threw some other IOException, such as DataInputStream's EOFException. */
    private static String wrongException(String what, String chinese, IOException e) {
        StackTraceElement frame = LearnerCode.where(e.getStackTrace());
        String at = frame == null ? "" : say(" (at " + LearnerCode.place(frame) + ")", "（位于 " + LearnerCode.place(frame) + "）");
        boolean eof = e instanceof EOFException;
        return say(what + ": readFrame threw " + e + at + " where the protocol says FrameException"
                + (eof ? "; DataInputStream.readFully and readInt throw EOFException at the end of the stream, so catch it and throw"
                + " FrameException, or loop on read yourself and throw FrameException when it returns -1" : ""),
                chinese + "：readFrame 抛出了 " + e + at + "，而协议规定的是 FrameException"
                + (eof ? "；DataInputStream.readFully 和 readInt 在流结束时会抛出 EOFException，所以要捕获它再抛出 FrameException，"
                + "或者自己循环调用 read，在它返回 -1 时抛出 FrameException" : ""));
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
