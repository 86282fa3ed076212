package exercise.phone_client;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public final class PhoneClient {
    private PhoneClient() {
    }

    public static String call(int port, String message) throws IOException {
        try (Socket phone = new Socket("127.0.0.1", port)) {
            phone.setSoTimeout(5000);
            phone.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            byte[] reply = new byte[1024];
            int n = phone.getInputStream().read(reply);
            return n < 0 ? "" : new String(reply, 0, n, StandardCharsets.UTF_8);
        }
    }
}
