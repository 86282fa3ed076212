package exercise.phone_server;

import java.io.IOException;
import java.net.ServerSocket;

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
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
