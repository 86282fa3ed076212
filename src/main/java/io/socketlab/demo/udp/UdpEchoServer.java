package io.socketlab.demo.udp;

import io.socketlab.demo.trace.DatagramSocketFactory;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Chapter 6: no connection, no accept: read a datagram, send it back upper-cased to whoever sent it. */
public final class UdpEchoServer {
    public static final int BUFSIZE = 1024;

    private final DatagramSocketFactory sockets;

    public UdpEchoServer(DatagramSocketFactory sockets) {
        this.sockets = sockets;
    }

    /** Serves until the socket handed to {@code onBound} is closed from another thread. */
    public void serve(String host, int port, Consumer<DatagramSocket> onBound) throws IOException {
        // region socket-bind
        try (DatagramSocket udp = sockets.create(new InetSocketAddress(host, port))) {
            // endregion
            onBound.accept(udp);
            byte[] buffer = new byte[BUFSIZE];
            while (!udp.isClosed()) {
                // region recvfrom
                DatagramPacket packet = new DatagramPacket(buffer, BUFSIZE);
                try {
                    // a longer datagram is cut to BUFSIZE, silently
                    udp.receive(packet);
                } catch (IOException closed) {
                    return;
                }
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                // endregion
                // region sendto
                byte[] reply = text.toUpperCase().getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress())); // back to the sender
                // endregion
            }
        }
    }
}
