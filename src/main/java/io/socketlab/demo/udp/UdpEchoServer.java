package io.socketlab.demo.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/** Chapter 6: no connection, no accept: read a datagram, send it back upper-cased to whoever sent it. */
public final class UdpEchoServer {
    public static final int BUFSIZE = 1024;

    private UdpEchoServer() {
    }

    /** Answers datagrams on 127.0.0.1:9000 until stopped: {@code java UdpEchoServer.java}. */
    public static void main(String[] args) throws IOException {
        // region socket-bind
        // Java binds a datagram socket as it makes it: no separate bind call
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 9000));
        // endregion
        serve(udp);
    }

    /** Answers every datagram on {@code udp} until it is closed from another thread; closes it. */
    public static void serve(DatagramSocket udp) throws IOException {
        try (udp) {
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
                int n = packet.getLength();
                // endregion
                // region sendto
                // like Python's bytes.upper(): a-z to A-Z, other bytes as they came
                for (int i = 0; i < n; i++) {
                    if (buffer[i] >= 'a' && buffer[i] <= 'z') {
                        buffer[i] -= 'a' - 'A';
                    }
                }
                // back to the sender
                udp.send(new DatagramPacket(buffer, n, packet.getSocketAddress()));
                // endregion
            }
        }
    }
}
