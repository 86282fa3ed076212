package io.socketlab.demo.phone;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;
import javax.net.ServerSocketFactory;

/** Chapter 4: a TCP server that answers exactly one call, like picking up the phone once. */
public final class PhoneServer {
    private final ServerSocketFactory sockets;

    public PhoneServer(ServerSocketFactory sockets) {
        this.sockets = sockets;
    }

    /**
     * Listens on {@code host:port}, tells {@code onListening} the real port, answers one call,
     * replies with what it heard upper-cased and hangs up. Returns what the caller said.
     */
    public String answerOnce(String host, int port, IntConsumer onListening) throws IOException {
        // region buy
        // buy a phone
        ServerSocket phone = sockets.createServerSocket();
        // endregion
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
                // listen: at most 1024 bytes
                int n = in.read(buffer);
                String heard = n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
                // endregion
                // region reply
                OutputStream out = conn.getOutputStream();
                out.write(heard.toUpperCase().getBytes(StandardCharsets.UTF_8)); // talk back
                // endregion
                return heard;
            } // hang up the call: try-with-resources closes conn first...
        } // ...then puts the phone itself away
    }
}
