package io.socketlab.demo;

import io.socketlab.i18n.Lang;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * A live demo running on its own thread behind a stream-backed terminal: a test types lines, waits
 * (bounded) for text on the screen, and collects the whole screen when the demo has returned.
 */
final class LiveScreen implements AutoCloseable {
    /** The screen bytes; wakes waiters on every write. */
    private static final class Screen extends ByteArrayOutputStream {
        @Override
        public synchronized void write(int b) {
            super.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    private final Screen screen = new Screen();
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final Terminal terminal;
    private final Thread runner;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private LiveScreen(String demo, Lang lang, boolean color) throws IOException {
        PipedInputStream keys = new PipedInputStream(keyboard, 4096);
        // ExternalTerminal writes synchronously to the stream; a pty-backed terminal pumps output on
        // a thread and may drop its tail at close, which made screen assertions flaky
        terminal = new ExternalTerminal("live-demo-test", "xterm-256color", keys, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(100, 30));
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        runner = new Thread(() -> {
            try {
                Demos.get(demo).runLive(reader, lang, color);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "live-screen-" + demo);
        runner.start();
    }

    static LiveScreen start(String demo, Lang lang, boolean color) throws IOException {
        return new LiveScreen(demo, lang, color);
    }

    Terminal terminal() {
        return terminal;
    }

    /** Types {@code line} and Enter. */
    void type(String line) throws IOException {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Waits up to 20 s until {@code text} shows on the screen at least {@code times} times; fails with the screen otherwise. */
    void await(String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (screen) {
            while (count(screen.text(), text) < times) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("'" + text + "' not shown " + times + " time(s):\n" + screen.text());
                }
                TimeUnit.NANOSECONDS.timedWait(screen, left);
            }
        }
    }

    void await(String text) throws InterruptedException {
        await(text, 1);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }

    /** Waits up to 20 s for the demo to return and gives the whole screen; fails if it did not return or threw. */
    String finish() throws InterruptedException {
        runner.join(20_000);
        if (runner.isAlive()) {
            throw new AssertionError("the live demo did not end:\n" + screen.text());
        }
        if (failure.get() != null) {
            throw new AssertionError("the live demo threw", failure.get());
        }
        return screen.text();
    }

    @Override
    public void close() throws IOException {
        terminal.close();
        keyboard.close();
    }
}
