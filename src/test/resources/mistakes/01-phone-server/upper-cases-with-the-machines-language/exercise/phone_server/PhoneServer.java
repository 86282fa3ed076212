package exercise.phone_server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public final class PhoneServer {
    private PhoneServer() {
    }

    public static void answerOneCall(ServerSocket listening) throws IOException {
        try (listening; Socket call = listening.accept()) {
            byte[] heard = new byte[1024];
            int count = call.getInputStream().read(heard);
            if (count < 0) {
                return;
            }
            String text = new String(heard, 0, count, StandardCharsets.UTF_8);
            call.getOutputStream().write(text.toUpperCase().getBytes(StandardCharsets.UTF_8));
        }
    }
}
