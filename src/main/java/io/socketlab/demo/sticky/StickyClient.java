package io.socketlab.demo.sticky;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Chapter 8: the naive client: one send, one recv(1024), as if one recv were one reply. */
public final class StickyClient implements Closeable {
    private final Socket phone;

    /** Dials {@code host:port} on {@code phone} (5 s to connect; the read timeout is the one {@code phone} has). */
    public StickyClient(Socket phone, String host, int port) throws IOException {
        this.phone = phone;
        phone.connect(new InetSocketAddress(host, port), 5000);
    }

    /** Sends {@code command} and returns whatever one 1024-byte read brings back. */
    public String run(String command) throws IOException {
        if (command.isEmpty()) {
            return null;
        }
        // region naive-recv
        phone.getOutputStream().write(command.getBytes(StandardCharsets.UTF_8));
        byte[] buffer = new byte[1024];
        // the bug: a reply can be longer than 1024
        int n = phone.getInputStream().read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
        // endregion
    }

    /** Writes each message with its own write call and no pause: nothing on the wire separates them. */
    public void sendSeparately(String... messages) throws IOException {
        // region small-writes
        for (String message : messages) {
            phone.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        }
        // endregion
    }

    @Override
    public void close() throws IOException {
        phone.close();
    }
}
