package io.socketlab.grade;

import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The first {@code cap} bytes written, and a count of the rest, shown as one line at the end. */
final class CappedText {
    private final int cap;
    private final Lang lang;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long total;

    /** Keeps {@code cap} bytes; the line saying how many more were dropped is in {@code lang}. */
    CappedText(int cap, Lang lang) {
        this.cap = cap;
        this.lang = lang;
    }

    synchronized void add(byte[] b, int off, int len) {
        int room = (int) Math.max(0, cap - total);
        bytes.write(b, off, Math.min(room, len));
        total += len;
    }

    synchronized void clear() {
        bytes.reset();
        total = 0;
    }

    synchronized String text() {
        String shown = bytes.toString(StandardCharsets.UTF_8);
        return total > cap ? shown + "\n" + Messages.of("grade", lang).get("output.dropped", total - cap) : shown;
    }
}
