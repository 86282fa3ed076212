package io.socketlab.demo.udp;

import io.socketlab.demo.trace.DatagramSocketFactory;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/** Chapter 6: send a datagram to the server's address, wait (5 s at most) for the one it sends back. */
public final class UdpEchoClient implements Closeable {
    private final DatagramSocket udp;
    private final SocketAddress server;

    public UdpEchoClient(DatagramSocketFactory sockets, String host, int port) throws IOException {
        udp = sockets.create(null);
        udp.setSoTimeout(5000);
        server = new InetSocketAddress(host, port);
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
        DatagramPacket reply = new DatagramPacket(new byte[UdpEchoServer.BUFSIZE], UdpEchoServer.BUFSIZE);
        udp.receive(reply);
        return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
        // endregion
    }

    @Override
    public void close() {
        udp.close();
    }
}
