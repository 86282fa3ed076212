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
        detach();
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

    /** Starts a process that leaves this one's process tree (setsid, then its parent shell ends). */
    private static void detach() {
        try {
            new ProcessBuilder("/bin/sh", "-c", "setsid sleep 987.654 </dev/null >/dev/null 2>&1 &").start().waitFor();
            System.out.println("DETACHED");
        } catch (Exception e) {
            System.out.println("DETACH-REFUSED " + e);
        }
    }
}
