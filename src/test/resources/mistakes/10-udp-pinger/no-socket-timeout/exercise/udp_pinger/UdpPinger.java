package exercise.udp_pinger;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The UDP pinger of chapter 10, after Kurose and Ross's socket assignment. */
public final class UdpPinger {
    private UdpPinger() {
    }

    public static PingReport ping(InetSocketAddress server, int count, int timeoutMillis) throws IOException {
        List<Double> rtts = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int n = 1; n <= count; n++) {
                byte[] ping = ("PING " + n + " " + System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8);
                long sent = System.nanoTime();
                socket.send(new DatagramPacket(ping, ping.length, server));
                byte[] buffer = new byte[1024];
                while (true) {
                    DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                    socket.receive(reply);
                    double rtt = (System.nanoTime() - sent) / 1_000_000.0;
                    byte[] got = Arrays.copyOfRange(reply.getData(), reply.getOffset(), reply.getOffset() + reply.getLength());
                    if (Arrays.equals(got, ping)) {
                        // too late counts as lost
                        rtts.add(rtt > timeoutMillis ? null : rtt);
                        break;
                    }
                }
            }
        }
        List<Double> replies = rtts.stream().filter(Objects::nonNull).toList();
        double min = replies.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double avg = replies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double max = replies.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double loss = 100.0 * (count - replies.size()) / count;
        return new PingReport(rtts, min, avg, max, loss);
    }
}
