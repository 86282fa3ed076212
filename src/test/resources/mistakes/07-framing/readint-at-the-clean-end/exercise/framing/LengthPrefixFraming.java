package exercise.framing;

import java.io.*;

public final class LengthPrefixFraming {
    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(payload.length);
        data.write(payload);
        data.flush();
    }

    public static byte[] readFrame(InputStream in, int maxSize) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        if (length < 0 || length > maxSize) {
            throw new FrameException("bad length " + length);
        }
        byte[] payload = new byte[length];
        data.readFully(payload);
        return payload;
    }
}
