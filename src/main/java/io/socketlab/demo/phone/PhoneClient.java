package io.socketlab.demo.phone;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;

/** Chapter 4: a TCP client that makes one call, says one thing and hears the answer. */
public final class PhoneClient {
    private final SocketFactory sockets;

    public PhoneClient(SocketFactory sockets) {
        this.sockets = sockets;
    }

    /** Calls {@code host:port}, says {@code message} in UTF-8 and returns the reply (at most 1024 bytes). */
    public String call(String host, int port, String message) throws IOException {
        // region dial
        // buy a phone
        try (Socket phone = sockets.createSocket()) {
            phone.connect(new InetSocketAddress(host, port), 5000); // dial the number
            // endregion
            // region say
            phone.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            // endregion
            // region hear
            InputStream in = phone.getInputStream();
            byte[] buffer = new byte[1024];
            int n = in.read(buffer);
            return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
            // endregion
        } // hang up
    }
}
