package exercise.framing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Frames on a byte stream: a 4-byte big-endian payload length, then the payload. */
public final class LengthPrefixFraming {
    private LengthPrefixFraming() {
    }

    /** Writes one frame holding {@code payload} and flushes {@code out}. */
    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(payload.length);
        data.write(payload);
        data.flush();
    }

    /**
     * Reads the next frame's payload, however the bytes are split or merged on the way.
     *
     * @return the payload, or {@code null} when the stream ends cleanly before a frame starts
     * @throws FrameException when the length is negative or above {@code maxSize}, or the stream
     *     ends inside a frame; no buffer of the claimed size is allocated before its bytes arrive
     */
    public static byte[] readFrame(InputStream in, int maxSize) throws IOException {
        byte[] header = new byte[4];
        int got = 0;
        while (got < 4) {
            int n = in.read(header, got, 4 - got);
            if (n < 0) {
                if (got == 0) {
                    return null;
                }
                throw new FrameException("stream ended after " + got + " of 4 header bytes");
            }
            got += n;
        }
        int length = ((header[0] & 0xff) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        if (length < 0) {
            throw new FrameException("negative frame length " + length);
        }
        if (length > maxSize) {
            throw new FrameException("frame of " + length + " bytes exceeds the maximum of " + maxSize);
        }
        // the whole claimed length at once, as chapter 8's capped reader does
        byte[] payload = new byte[length];
        int filled = 0;
        while (filled < length) {
            int n = in.read(payload, filled, length - filled);
            if (n < 0) {
                throw new FrameException("stream ended after " + filled + " of " + length + " payload bytes");
            }
            filled += n;
        }
        return payload;
    }
}
