package exercise.framing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;

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
        byte[] header = new byte[4];
        if (in.read(header) < 0) {
            return null;
        }
        int length = ByteBuffer.wrap(header).getInt();
        if (length < 0 || length > maxSize) {
            throw new FrameException("bad length " + length);
        }
        byte[] payload = new byte[length];
        if (in.read(payload) < length) {
            throw new FrameException("short payload");
        }
        return payload;
    }
}
