package exercise.phone_client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** The caller of chapter 4. */
public final class PhoneClient {
    private PhoneClient() {
    }

    /**
     * Connects to 127.0.0.1:{@code port}, sends {@code message} as UTF-8 and returns everything the
     * server sends back until it closes the connection, decoded as UTF-8.
     *
     * @throws IOException when the connection fails or the server stays silent for 5 seconds
     */
    public static String call(int port, String message) throws IOException {
        try (Socket phone = new Socket(InetAddress.getLoopbackAddress(), port)) {
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
}
