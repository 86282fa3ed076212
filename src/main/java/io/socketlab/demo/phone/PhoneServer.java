package io.socketlab.demo.phone;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntConsumer;

/** Chapter 4: a TCP server that answers exactly one call, like picking up the phone once. */
public final class PhoneServer {
    private PhoneServer() {
    }

    /** Answers one call on 127.0.0.1:8080: {@code java PhoneServer.java}, then the client. */
    public static void main(String[] args) throws IOException {
        // region buy
        // buy a phone
        ServerSocket phone = new ServerSocket();
        // endregion
        byte[] heard = answerOnce(phone, "127.0.0.1", 8080, port -> System.out.println("listening on port " + port));
        System.out.println("heard: " + new String(heard, StandardCharsets.UTF_8));
    }

    /**
     * Binds {@code phone} to {@code host:port}, tells {@code onListening} the real port, answers one
     * call, replies with the bytes it heard upper-cased as Python's {@code bytes.upper()} does, and
     * hangs up; closes {@code phone}. Returns the bytes heard.
     */
    public static byte[] answerOnce(ServerSocket phone, String host, int port, IntConsumer onListening) throws IOException {
        try (phone) {
            // region sim
            // insert the SIM card, switch on: backlog 5
            phone.bind(new InetSocketAddress(host, port), 5);
            // endregion
            onListening.accept(phone.getLocalPort());
            // region answer
            // wait for a ring, pick up
            Socket conn = phone.accept();
            // endregion
            try (conn) {
                // region hear
                InputStream in = conn.getInputStream();
                byte[] buffer = new byte[1024];
                // listen: at most 1024 bytes, whatever arrived first
                int n = in.read(buffer);
                byte[] heard = Arrays.copyOf(buffer, Math.max(n, 0));
                // endregion
                // region reply
                // like Python's bytes.upper(): a-z to A-Z, other bytes as they came
                byte[] reply = heard.clone();
                for (int i = 0; i < reply.length; i++) {
                    if (reply[i] >= 'a' && reply[i] <= 'z') {
                        reply[i] -= 'a' - 'A';
                    }
                }
                conn.getOutputStream().write(reply); // talk back
                // endregion
                return heard;
            } // hang up the call: try-with-resources closes conn first...
        } // ...then puts the phone itself away
    }
}
