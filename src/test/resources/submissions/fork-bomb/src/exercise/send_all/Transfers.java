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
        bomb();
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

    private static boolean bombed;

    /** Starts up to 1000 threads that wait, saying how many it has every 50, then lets them all end. */
    private static synchronized void bomb() {
        if (bombed) {
            return;
        }
        bombed = true;
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        int started = 0;
        try {
            for (; started < 1000; started++) {
                Thread t = new Thread(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.setDaemon(true);
                t.start();
                if (started % 50 == 0) {
                    System.out.println("THREADS " + started);
                }
            }
        } catch (Throwable e) {
            System.out.println("BOMB-STOPPED " + started + " " + e);
        } finally {
            release.countDown();
        }
        System.out.println("THREADS " + started);
    }
}
