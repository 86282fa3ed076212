package exercise.phone_client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

public final class PhoneClient {
    private PhoneClient() {
    }

    public static String call(int port, String message) throws IOException {
        try (Socket phone = new Socket("127.0.0.1", port)) {
            phone.setSoTimeout(5000);
            phone.getOutputStream().write(message.getBytes());
            InputStream in = phone.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] piece = new byte[1024];
            for (int n; (n = in.read(piece)) >= 0; ) {
                reply.write(piece, 0, n);
            }
            return reply.toString();
        }
    }
}
