package exercise.udp_upper;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

public final class UdpUpperServer {
    public static void serve(DatagramSocket socket) throws IOException {
        SocketAddress client = null;
        while (true) {
            DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
            try {
                socket.receive(packet);
            } catch (SocketException closed) {
                return;
            }
            if (client == null) {
                client = packet.getSocketAddress();
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            byte[] reply = text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(reply, reply.length, client));
        }
    }
}
