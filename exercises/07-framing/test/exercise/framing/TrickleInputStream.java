package exercise.framing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A stream over fixed bytes that hands out at most {@code perRead} bytes per read call. */
final class TrickleInputStream extends InputStream {
    private final ByteArrayInputStream bytes;
    private final int perRead;

    TrickleInputStream(byte[] content, int perRead) {
        this.bytes = new ByteArrayInputStream(content);
        this.perRead = perRead;
    }

    @Override
    public int read() {
        return bytes.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        return bytes.read(b, off, Math.min(len, perRead));
    }
}
