package exercise.udp_pinger;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The UDP pinger of chapter 10, after Kurose and Ross's socket assignment. */
public final class UdpPinger {
    private UdpPinger() {
    }

    /**
     * Sends {@code count} pings to {@code server}, one at a time: ping number n (from 1) is the
     * datagram "PING n T" (T the send time in milliseconds, UTF-8), and its reply is a datagram with
     * exactly the same bytes. Waits at most {@code timeoutMillis} after sending each ping for its
     * reply; a ping without its reply by then is lost. Replies to other pings are not its reply.
     */
    public static PingReport ping(InetSocketAddress server, int count, int timeoutMillis) throws IOException {
        List<Double> rtts = new ArrayList<>();
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int n = 1; n <= count; n++) {
                byte[] ping = ("PING " + n + " " + System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8);
                long sent = System.nanoTime();
                socket.send(new DatagramPacket(ping, ping.length, server));
                rtts.add(awaitReply(socket, ping, sent, sent + timeoutMillis * 1_000_000L));
            }
        }
        List<Double> replies = rtts.stream().filter(Objects::nonNull).toList();
        double min = replies.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double avg = replies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double max = replies.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double loss = 100.0 * (count - replies.size()) / count;
        return new PingReport(rtts, min, avg, max, loss);
    }

    /** The round-trip time in milliseconds of the reply to {@code ping} sent at {@code sent}, or null when none came before {@code deadline}. */
    private static Double awaitReply(DatagramSocket socket, byte[] ping, long sent, long deadline) throws IOException {
        byte[] buffer = new byte[1024];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            // the time left, not the whole timeout again: late replies to earlier pings must not stretch the wait
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
            } catch (SocketTimeoutException lost) {
                return null;
            }
            long now = System.nanoTime();
            byte[] got = Arrays.copyOfRange(reply.getData(), reply.getOffset(), reply.getOffset() + reply.getLength());
            if (now > deadline) {
                return null;
            }
            if (Arrays.equals(got, ping)) {
                return (now - sent) / 1_000_000.0;
            }
        }
    }
}
