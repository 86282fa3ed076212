package io.socketlab.demo.chat;

import io.socketlab.demo.trace.DatagramSocketFactory;
import io.socketlab.demo.trace.TraceText;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;

/** Chapter 7: the article's "QQ" server: show each message, let a person type the answer. */
public final class ChatServer {
    private final DatagramSocketFactory sockets;
    private final Consumer<String> screen;
    private final Function<String, String> person;

    /**
     * {@code screen} shows what arrived; {@code person} is asked for the reply to each message
     * (it may block while somebody types) and returns null to stop the server.
     */
    public ChatServer(DatagramSocketFactory sockets, Consumer<String> screen, Function<String, String> person) {
        this.sockets = sockets;
        this.screen = screen;
        this.person = person;
    }

    /** Serves until the person gives up (null reply) or the socket handed to {@code onBound} is closed. */
    public void serve(String host, int port, Consumer<DatagramSocket> onBound) throws IOException {
        try (DatagramSocket udp = sockets.create(new InetSocketAddress(host, port))) {
            onBound.accept(udp);
            byte[] buffer = new byte[1024];
            while (true) {
                // region receive
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    udp.receive(packet);
                } catch (IOException closed) {
                    return;
                }
                String from = TraceText.address(packet.getSocketAddress());
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                screen.accept("message from [" + from + "]: " + text);
                // endregion
                // region answer
                // a human at the keyboard writes back
                String reply = person.apply(from);
                if (reply == null) {
                    return;
                }
                byte[] data = reply.getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(data, data.length, packet.getSocketAddress()));
                // endregion
            }
        }
    }
}
