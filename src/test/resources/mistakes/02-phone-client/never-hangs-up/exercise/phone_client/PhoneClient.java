package exercise.phone_client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public final class PhoneClient {
    private static final java.util.List<Socket> CALLS = new java.util.ArrayList<>();

    private PhoneClient() {
    }

    public static String call(int port, String message) throws IOException {
        Socket phone = new Socket("127.0.0.1", port);
        CALLS.add(phone);
        phone.setSoTimeout(5000);
        phone.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        InputStream in = phone.getInputStream();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] piece = new byte[1024];
        for (int n; (n = in.read(piece)) >= 0; ) {
            reply.write(piece, 0, n);
        }
        return reply.toString(StandardCharsets.UTF_8);
    }
}
