package exercise.udp_upper;

import java.net.DatagramSocket;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Instructor notes: the visible tests cover every requirement; these vary them: five clients
// sending three rounds each before reading (replies to a remembered address, or a server that
// waits for one client's next datagram) and a datagram of exactly 1024 bytes (a 1023-byte buffer).
@Timeout(10)
class UdpUpperServerHiddenTest {

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
                        udp.expect("c" + i, clients[i], "c" + i + " r" + round, "C" + i + " R" + round);
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

    @Test
    void aDatagramOfExactly1024BytesComesBackWhole() throws Exception {
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("client")) {
            String full = "z".repeat(1024);
            udp.send("client", client, full);
            udp.expect("client", client, full, full.toUpperCase(Locale.ROOT));
        }
    }
}
