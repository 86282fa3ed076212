package io.socketlab.demo.framed;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

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
     * {@link BadFrameException} for a length below 0 or above {@code maxFrame} before allocating anything.
     */
    public static byte[] read(DataInputStream in, int maxFrame) throws IOException {
        // region read-frame
        int length;
        try {
            length = in.readInt();
        } catch (java.io.EOFException peerClosed) {
            return null;
        }
        // check first: never allocate what a stranger asks for
        if (length < 0 || length > maxFrame) {
            throw new BadFrameException("frame length " + length + " outside 0.." + maxFrame);
        }
        byte[] body = new byte[length];
        // loop until all of it has arrived, however it was split
        in.readFully(body);
        return body;
        // endregion
    }

    /** A header announcing a length the reader refuses; the connection cannot be trusted after it. */
    public static final class BadFrameException extends IOException {
        public BadFrameException(String reason) {
            super(reason);
        }
    }
}
