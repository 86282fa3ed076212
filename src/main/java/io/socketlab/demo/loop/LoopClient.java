package io.socketlab.demo.loop;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Chapter 5: one connection, many messages; {@code quit} hangs up, empty lines are never sent. */
public final class LoopClient implements Closeable {
    private final Socket phone;

    /** Dials {@code host:port} on {@code phone} (5 s to connect; the read timeout is the one {@code phone} has). */
    public LoopClient(Socket phone, String host, int port) throws IOException {
        this.phone = phone;
        phone.connect(new InetSocketAddress(host, port), 5000);
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
        byte[] data = line.getBytes(StandardCharsets.UTF_8);
        phone.getOutputStream().write(data);
        // the echo is as long as what we sent: read until all of it is here
        byte[] reply = new byte[data.length];
        int n = phone.getInputStream().readNBytes(reply, 0, reply.length);
        return new String(reply, 0, n, StandardCharsets.UTF_8);
        // endregion
    }

    @Override
    public void close() throws IOException {
        phone.close();
    }
}
