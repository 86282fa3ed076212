package io.socketlab.demo.framed;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Chapter 8: a client that frames each message, so replies can never run into each other. */
public final class FramedClient implements Closeable {
    private final Socket phone;
    private final InputStream in;
    private final DataOutputStream out;

    /** Dials {@code host:port} on {@code phone} (5 s to connect; the read timeout is the one {@code phone} has). */
    public FramedClient(Socket phone, String host, int port) throws IOException {
        this.phone = phone;
        phone.connect(new InetSocketAddress(host, port), 5000);
        in = phone.getInputStream();
        out = new DataOutputStream(new BufferedOutputStream(phone.getOutputStream()));
    }

    /** Sends one frame and returns the reply frame, decoded whole; null for an empty line (nothing sent). */
    public String say(String line) throws IOException {
        if (line.isEmpty()) {
            return null;
        }
        LengthPrefixFraming.write(out, line.getBytes(StandardCharsets.UTF_8));
        byte[] reply = LengthPrefixFraming.read(in, LengthPrefixFraming.DEFAULT_MAX_FRAME);
        return reply == null ? "" : new String(reply, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        phone.close();
    }
}
