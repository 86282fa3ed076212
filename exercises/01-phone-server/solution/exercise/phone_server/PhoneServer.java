package exercise.phone_server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The one-shot phone server of chapter 4. */
public final class PhoneServer {
    private PhoneServer() {
    }

    /**
     * Answers one call on {@code listening}: reads one message of at most 1024 bytes, replies with
     * it upper-cased in UTF-8, then closes the connection and {@code listening}.
     *
     * @param listening a ServerSocket already bound to a port; the caller picked the port
     */
    public static void answerOneCall(ServerSocket listening) throws IOException {
        try (listening; Socket call = listening.accept()) {
            InputStream in = call.getInputStream();
            byte[] heard = new byte[1024];
            int count = in.read(heard);
            if (count < 0) {
                return;
            }
            String text = new String(heard, 0, count, StandardCharsets.UTF_8);
            OutputStream out = call.getOutputStream();
            out.write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
