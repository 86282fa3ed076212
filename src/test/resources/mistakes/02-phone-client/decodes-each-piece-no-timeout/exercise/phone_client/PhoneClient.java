package exercise.phone_client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public final class PhoneClient {
    private PhoneClient() {
    }

    public static String call(int port, String message) throws IOException {
        try (Socket phone = new Socket("127.0.0.1", port)) {
            phone.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            InputStream in = phone.getInputStream();
            StringBuilder reply = new StringBuilder();
            byte[] piece = new byte[1024];
            for (int n; (n = in.read(piece)) >= 0; ) {
                reply.append(new String(piece, 0, n, StandardCharsets.UTF_8));
            }
            return reply.toString();
        }
    }
}
