package io.socketlab.demo.live;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The keyboard of the person at a live demo's server: lines typed elsewhere (at the demo's prompt)
 * are read here as if from {@code System.in}; {@link #close()} is the end of input.
 */
public final class TypedLines extends Reader {
    private final Deque<Character> pending = new ArrayDeque<>();
    private boolean ended;
    private int waiting;

    /** Makes {@code line} (and its line break) readable. */
    public synchronized void type(String line) {
        for (char c : (line + "\n").toCharArray()) {
            pending.add(c);
        }
        notifyAll();
    }

    @Override
    public synchronized int read(char[] buffer, int offset, int length) {
        while (pending.isEmpty() && !ended) {
            waiting++;
            notifyAll();
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            } finally {
                waiting--;
            }
        }
        if (pending.isEmpty()) {
            return -1;
        }
        int n = 0;
        while (n < length && !pending.isEmpty()) {
            buffer[offset + n++] = pending.poll();
        }
        return n;
    }

    /**
     * True when a reader waits for a line and none is pending, so a line typed now is read at once;
     * waits up to {@code millis} for a reader about to ask (a server that has just shown a message).
     */
    public synchronized boolean awaited(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!(waiting > 0 && pending.isEmpty()) && !ended) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return waiting > 0 && pending.isEmpty();
    }

    @Override
    public synchronized void close() {
        ended = true;
        notifyAll();
    }
}
