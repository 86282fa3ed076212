package io.socketlab.demo.loop;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;

/** Chapter 5: one connection, many messages; {@code quit} hangs up, empty lines are never sent. */
public final class LoopClient implements Closeable {
    private final Socket phone;

    /** Connects to {@code host:port} (5 s connect timeout, 5 s read timeout). */
    public LoopClient(SocketFactory sockets, String host, int port) throws IOException {
        phone = sockets.createSocket();
        phone.connect(new InetSocketAddress(host, port), 5000);
        phone.setSoTimeout(5000);
    }

    /**
     * Sends one typed line and returns the reply; returns null without sending anything for an
     * empty line, or after hanging up for {@code quit}.
     */
    public String say(String line) throws IOException {
        // region skip-empty
        if (line.isEmpty()) {
            // send(b'') sends nothing, and the server's recv would wait forever
            return null;
        }
        // endregion
        // region quit
        if (line.equals("quit")) {
            close();
            return null;
        }
        // endregion
        // region send-recv
        phone.getOutputStream().write(line.getBytes(StandardCharsets.UTF_8));
        InputStream in = phone.getInputStream();
        byte[] buffer = new byte[1024];
        int n = in.read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
        // endregion
    }

    @Override
    public void close() throws IOException {
        phone.close();
    }
}
