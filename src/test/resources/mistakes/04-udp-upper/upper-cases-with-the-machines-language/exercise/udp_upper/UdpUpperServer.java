package exercise.udp_upper;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** The UDP server of chapter 6: every datagram comes back upper-cased to its sender. */
public final class UdpUpperServer {
    private UdpUpperServer() {
    }

    /**
     * Replies to each datagram received on {@code socket} (at most 1024 bytes) with its text
     * upper-cased, sent to the datagram's source address; returns once {@code socket} is closed.
     */
    public static void serve(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[1024];
        while (true) {
            DatagramPacket received = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(received);
            } catch (SocketException closed) {
                return;
            }
            String text = new String(received.getData(), 0, received.getLength(), StandardCharsets.UTF_8);
            byte[] reply = text.toUpperCase().getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(reply, reply.length, received.getSocketAddress()));
        }
    }
}
