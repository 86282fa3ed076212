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
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
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

    @Override
    public synchronized void close() {
        ended = true;
        notifyAll();
    }
}
