package exercise.udp_upper;

import java.net.DatagramSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Instructor notes: catches reusing the whole buffer's length (a short datagram after a long one
// comes back with the long one's tail), decoding with the platform charset, and replying to a
// remembered "first client" address.
@Timeout(10)
class UdpUpperServerHiddenTest {

    @Test
    void aShortDatagramAfterALongOneHasNoLeftovers() throws Exception {
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("client")) {
            udp.send("client", client, "a rather long first message");
            assertEquals("A RATHER LONG FIRST MESSAGE", udp.receive("client", client), udp.log());
            udp.send("client", client, "hi");
            assertEquals("HI", udp.receive("client", client),
                    say("use packet.getLength(), not the buffer length, and a fresh packet each time",
                            "要用 packet.getLength()，而不是缓冲区的长度，并且每次都用一个新的 packet") + "\n" + udp.log());
        }
    }

    @Test
    void keepsChineseText() throws Exception {
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("一棵树")) {
            udp.send("一棵树", client, "你好 abc");
            assertEquals("你好 ABC", udp.receive("一棵树", client), udp.log());
        }
    }

    @Test
    void fiveClientsEachGetTheirOwnReplies() throws Exception {
        try (UdpHarness udp = new UdpHarness()) {
            DatagramSocket[] clients = new DatagramSocket[5];
            try {
                for (int i = 0; i < clients.length; i++) {
                    clients[i] = udp.client("c" + i);
                }
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < clients.length; i++) {
                        udp.send("c" + i, clients[i], "c" + i + " r" + round);
                    }
                }
                for (int i = 0; i < clients.length; i++) {
                    for (int round = 0; round < 3; round++) {
                        assertEquals("C" + i + " R" + round, udp.receive("c" + i, clients[i]), udp.log());
                    }
                }
            } finally {
                for (DatagramSocket c : clients) {
                    if (c != null) {
                        c.close();
                    }
                }
            }
        }
    }
}
