package exercise.send_all;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/** A channel that takes at most {@code perCall} bytes per write, like a busy socket's send buffer. */
final class StingyChannel implements WritableByteChannel {
    private final int perCall;
    private final ByteArrayOutputStream taken = new ByteArrayOutputStream();
    private int calls;

    StingyChannel(int perCall) {
        this.perCall = perCall;
    }

    @Override
    public int write(ByteBuffer src) {
        calls++;
        int n = Math.min(perCall, src.remaining());
        for (int i = 0; i < n; i++) {
            taken.write(src.get());
        }
        return n;
    }

    byte[] taken() {
        return taken.toByteArray();
    }

    int calls() {
        return calls;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
    }
}
