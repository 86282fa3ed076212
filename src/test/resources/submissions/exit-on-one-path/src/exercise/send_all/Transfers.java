package exercise.send_all;

import java.io.EOFException;
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
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    /**
     * Reads exactly {@code count} bytes from {@code in}.
     *
     * @throws java.io.EOFException when the stream ends before {@code count} bytes arrived
     */
    public static byte[] readExactly(InputStream in, int count) throws IOException {
        if (count == 0) {
            System.exit(3);
        }
        byte[] result = new byte[count];
        int filled = 0;
        while (filled < count) {
            int n = in.read(result, filled, count - filled);
            if (n < 0) {
                throw new EOFException("stream ended after " + filled + " of " + count + " bytes");
            }
            filled += n;
        }
        return result;
    }
}
