package exercise.framing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Frames on a byte stream: a 4-byte big-endian payload length, then the payload. */
public final class LengthPrefixFraming {
    private LengthPrefixFraming() {
    }

    /** Writes one frame holding {@code payload} and flushes {@code out}. */
    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }

    /**
     * Reads the next frame's payload, however the bytes are split or merged on the way.
     *
     * @return the payload, or {@code null} when the stream ends cleanly before a frame starts
     * @throws FrameException when the length is negative or above {@code maxSize}, or the stream
     *     ends inside a frame; no buffer of the claimed size is allocated before its bytes arrive
     */
    public static byte[] readFrame(InputStream in, int maxSize) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
