package io.socketlab.grade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads lines of UTF-8 text in bounded memory: a line longer than the cap (200 MB written to file
 * descriptor 2 without a line break) is not a line of the protocol, so its bytes are handed on, a
 * cap's worth at a time, and reading goes on.
 */
final class BoundedLines implements AutoCloseable {
    private final InputStream in;
    private final int cap;
    private final Consumer<String> overflow;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int start;
    private int end;

    BoundedLines(InputStream in, int cap, Consumer<String> overflow) {
        this.in = in;
        this.cap = cap;
        this.overflow = overflow;
    }

    /** The next line without its line break; null at the end of the stream. */
    String readLine() throws IOException {
        while (true) {
            if (start == end) {
                end = in.read(buffer);
                start = 0;
                if (end <= 0) {
                    end = 0;
                    if (line.size() == 0) {
                        return null;
                    }
                    return take();
                }
            }
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, start, i - start);
                    start = i + 1;
                    return take();
                }
            }
            line.write(buffer, start, end - start);
            start = end;
            if (line.size() > cap) {
                overflow.accept(take());
            }
        }
    }

    private String take() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
