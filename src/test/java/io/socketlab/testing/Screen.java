package io.socketlab.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What a program under test printed, as a learner's screen would hold it: an output stream whose
 * readers wait for a text to appear and are woken by each write, instead of spinning on a copy of
 * the bytes (which, on a busy machine, takes the CPU the program needs to print).
 */
public final class Screen extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
        bytes.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        notifyAll();
    }

    /** Everything printed so far, decoded as UTF-8. */
    public synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed, as a cleared screen. */
    public synchronized void reset() {
        bytes.reset();
    }

    /**
     * Waits until the text printed so far satisfies {@code ready}, or {@code stop} says there is no
     * point waiting longer (the program ended); true when it did. Returns at the latest after
     * {@code limit}, a bound for a broken program, never a measure of speed.
     */
    public synchronized boolean await(Predicate<String> ready, Duration limit, java.util.function.BooleanSupplier stop)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ready.test(text())) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || stop.getAsBoolean()) {
                return ready.test(text());
            }
            // woken by every write; the short bound also notices a program that ended without printing
            wait(Math.max(1, Math.min(left / 1_000_000, 50)));
        }
        return true;
    }

    /** As {@link #await(Predicate, Duration, java.util.function.BooleanSupplier)} with nothing to stop for. */
    public boolean await(Predicate<String> ready, Duration limit) throws InterruptedException {
        return await(ready, limit, () -> false);
    }
}
