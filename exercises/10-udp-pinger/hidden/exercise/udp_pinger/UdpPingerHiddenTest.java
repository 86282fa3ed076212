package exercise.udp_pinger;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UdpPingerHiddenTest {
    /** A ping server that keeps what it received and answers each datagram with {@code reply} of its text. */
    static final class Recording implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final DatagramSocket socket;
        private final Thread thread;

        Recording(UnaryOperator<String> reply) throws IOException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(() -> {
                byte[] buffer = new byte[1024];
                while (!socket.isClosed()) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                        received.add(text);
                        byte[] answer = reply.apply(text).getBytes(StandardCharsets.UTF_8);
                        socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "recording-ping-server");
            thread.setDaemon(true);
            thread.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join(2000);
        }
    }

    @Test
    @Tag("points=2")
    void eachPingIsPingNumberAndSendTimeInOrder() throws Exception {
        try (Recording server = new Recording(text -> text)) {
            long before = System.currentTimeMillis();
            PingReport report = UdpPinger.ping(server.address(), 5, 1000);
            long after = System.currentTimeMillis();
            assertEquals(5, server.received.size(), say("5 pings, 5 datagrams; got " + server.received,
                    "5 次 ping 应有 5 个数据报；实际是 " + server.received));
            Pattern ping = Pattern.compile("PING (\\d+) (\\d+)");
            for (int n = 1; n <= 5; n++) {
                String got = server.received.get(n - 1);
                Matcher m = ping.matcher(got);
                assertTrue(m.matches() && Integer.parseInt(m.group(1)) == n, say("ping " + n + " should be \"PING " + n
                        + " T\" (T the send time in milliseconds); it was \"" + got + "\"",
                        "第 " + n + " 次 ping 应该是 \"PING " + n + " T\"（T 是发送时刻的毫秒数）；实际是 \"" + got + "\""));
                long sent = Long.parseLong(m.group(2));
                assertTrue(sent >= before && sent <= after, say("T in \"" + got + "\" should be System.currentTimeMillis() when it was sent",
                        "\"" + got + "\" 里的 T 应该是发送时的 System.currentTimeMillis()"));
            }
            assertEquals(0.0, report.lossPercent());
        }
    }

    @Test
    @Tag("points=2")
    void aReplyWithOtherBytesIsNotTheReply() throws Exception {
        try (Recording server = new Recording(text -> text.replace("PING", "PONG"))) {
            PingReport report = UdpPinger.ping(server.address(), 3, 200);
            assertEquals(100.0, report.lossPercent(), say("the server answered \"PONG n T\" to \"PING n T\": a reply is the ping's"
                            + " own bytes back, so every ping is lost; got " + report.rttMillis(),
                    "服务端对 \"PING n T\" 回的是 \"PONG n T\"：回复必须与 ping 的字节完全相同，所以每次都算丢失；实际是 " + report.rttMillis()));
        }
    }
}
