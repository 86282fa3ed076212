package io.socketlab.demo.udp;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Chapter 6: send a datagram to the server's address, wait (as long as the socket's timeout) for the one it sends back. */
public final class UdpEchoClient implements Closeable {
    private final DatagramSocket udp;
    private final InetSocketAddress server;

    /** A client sending from {@code udp} to {@code host:port}. */
    public UdpEchoClient(DatagramSocket udp, String host, int port) {
        this.udp = udp;
        this.server = new InetSocketAddress(host, port);
    }

    /** Sends {@code line} as one datagram and returns the reply; null for an empty line (nothing sent). */
    public String say(String line) throws IOException {
        if (line.isEmpty()) {
            return null;
        }
        // region sendto
        byte[] data = line.getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(data, data.length, server));
        // endregion
        // region recvfrom
        DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
        udp.receive(reply);
        // a datagram arrives whole (or not at all): decode it in one piece
        return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
        // endregion
    }

    @Override
    public void close() {
        udp.close();
    }
}
