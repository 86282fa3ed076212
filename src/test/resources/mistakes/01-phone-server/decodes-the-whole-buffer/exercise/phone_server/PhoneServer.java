package exercise.phone_server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

public final class PhoneServer {
    private PhoneServer() {
    }

    public static void answerOneCall(ServerSocket listening) throws IOException {
        try (listening; Socket call = listening.accept()) {
            byte[] heard = new byte[1024];
            if (call.getInputStream().read(heard) < 0) {
                return;
            }
            String text = new String(heard, StandardCharsets.UTF_8);
            call.getOutputStream().write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        }
    }
}
