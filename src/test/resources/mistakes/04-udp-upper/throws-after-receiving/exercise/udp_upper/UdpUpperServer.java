package exercise.udp_upper;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;

public final class UdpUpperServer {
    public static void serve(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
        socket.receive(packet);
        throw new IllegalStateException("no reply written yet");
    }
}
