package exercise.udp_upper;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

public final class UdpUpperServer {
    public static void serve(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[1024];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketException closed) {
                return;
            }
            String text = new String(buffer, StandardCharsets.UTF_8).trim();
            byte[] reply = text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        }
    }
}
