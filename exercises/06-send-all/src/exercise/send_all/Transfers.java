package exercise.send_all;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** Whole transfers over channels and streams that move only part of the data per call. */
public final class Transfers {
    private Transfers() {
    }

    /** Writes every remaining byte of {@code data} to {@code channel}; afterwards data has none left. */
    public static void sendAll(WritableByteChannel channel, ByteBuffer data) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }

    /**
     * Reads exactly {@code count} bytes from {@code in}.
     *
     * @throws java.io.EOFException when the stream ends before {@code count} bytes arrived
     */
    public static byte[] readExactly(InputStream in, int count) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
