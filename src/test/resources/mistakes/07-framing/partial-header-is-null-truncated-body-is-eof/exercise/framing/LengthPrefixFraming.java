package exercise.framing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

public final class LengthPrefixFraming {
    private LengthPrefixFraming() {
    }

    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(payload.length);
        data.write(payload);
        data.flush();
    }

    public static byte[] readFrame(InputStream in, int maxSize) throws IOException {
        int length = 0;
        for (int i = 0; i < 4; i++) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            length = (length << 8) | b;
        }
        if (length < 0 || length > maxSize) {
            throw new FrameException("bad length " + length);
        }
        byte[] payload = new byte[Math.min(length, 65536)];
        if (length > payload.length) {
            throw new FrameException("too long");
        }
        new DataInputStream(in).readFully(payload);
        return payload;
    }
}
