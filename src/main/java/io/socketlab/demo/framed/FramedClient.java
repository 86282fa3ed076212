package io.socketlab.demo.framed;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;

/** Chapter 8: a client that frames each message, so replies can never run into each other. */
public final class FramedClient implements Closeable {
    private final Socket phone;
    private final DataInputStream in;
    private final DataOutputStream out;

    public FramedClient(SocketFactory sockets, String host, int port) throws IOException {
        phone = sockets.createSocket();
        phone.connect(new InetSocketAddress(host, port), 5000);
        phone.setSoTimeout(5000);
        in = new DataInputStream(phone.getInputStream());
        out = new DataOutputStream(new BufferedOutputStream(phone.getOutputStream()));
    }

    /** Sends one frame and returns the reply frame; null for an empty line (nothing sent). */
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
