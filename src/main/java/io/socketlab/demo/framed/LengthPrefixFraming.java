package io.socketlab.demo.framed;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;

/** Chapter 8's fix: every message travels as a 4-byte big-endian length followed by that many bytes. */
public final class LengthPrefixFraming {
    /** The longest body a reader accepts unless told otherwise. */
    public static final int DEFAULT_MAX_FRAME = 64 * 1024;

    private LengthPrefixFraming() {
    }

    /** Writes {@code body} as one frame: Python's {@code struct.pack('>I', len(body)) + body}. */
    public static void write(DataOutputStream out, byte[] body) throws IOException {
        // region write-frame
        // 4 bytes, big-endian, like struct.pack('>I', n)
        out.writeInt(body.length);
        out.write(body);
        out.flush();
        // endregion
    }

    /**
     * Reads one frame. Returns null when the peer closed cleanly before a header; throws
     * {@link BadFrameException} for a length below 0 or above {@code maxFrame} before allocating
     * anything, and {@link EOFException} saying how far it got when the peer closed inside a frame.
     */
    public static byte[] read(InputStream in, int maxFrame) throws IOException {
        // region read-frame
        // readNBytes loops until all have come, however TCP split them,
        // or the peer closed
        byte[] header = new byte[4];
        int got = in.readNBytes(header, 0, 4);
        if (got == 0) {
            return null; // closed between two frames: a clean goodbye
        }
        if (got < 4) {
            throw new EOFException("the peer closed after " + got + " of the 4 header bytes");
        }
        int length = ByteBuffer.wrap(header).getInt(); // big-endian, like readInt
        // check first: never allocate what a stranger asks for
        if (length < 0 || length > maxFrame) {
            throw new BadFrameException("frame length " + length + " outside 0.." + maxFrame);
        }
        byte[] body = new byte[length];
        got = in.readNBytes(body, 0, length);
        if (got < length) {
            throw new EOFException("the peer closed after " + got + " of the " + length + " body bytes");
        }
        return body;
        // endregion
    }

    /** A header announcing a length the reader refuses; the connection cannot be trusted after it. */
    public static final class BadFrameException extends ProtocolException {
        public BadFrameException(String reason) {
            super(reason);
        }
    }
}
