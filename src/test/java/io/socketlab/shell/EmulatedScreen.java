package io.socketlab.shell;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jline.builtins.ScreenTerminal;

/**
 * The output side of a terminal built on streams, drawn on jline's VT100 emulator, so a test reads
 * what a learner would see on the screen rather than the escape codes that drew it. Waiting for
 * the screen is signalled by each write.
 */
final class EmulatedScreen extends OutputStream {
    private final ScreenTerminal screen;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(64);

    EmulatedScreen(int columns, int rows) {
        screen = new ScreenTerminal(columns, rows);
    }

    @Override
    public synchronized void write(int b) {
        pending.put((byte) b);
        pending.flip();
        CharBuffer chars = CharBuffer.allocate(4);
        decoder.decode(pending, chars, false);
        pending.compact();
        chars.flip();
        if (chars.hasRemaining()) {
            screen.write(chars);
            notifyAll();
        }
    }

    /** The screen's rows, one line each, without the blanks after the last character. */
    synchronized String text() {
        return screen.toString().lines().map(String::stripTrailing).reduce("", (a, b) -> a + b + "\n");
    }

    /** Waits until the screen satisfies {@code shows}, at most 20 s; fails naming {@code what}. */
    synchronized String await(Predicate<String> shows, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!shows.test(text())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the screen never showed " + what + ":\n" + text());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return text();
    }
}
