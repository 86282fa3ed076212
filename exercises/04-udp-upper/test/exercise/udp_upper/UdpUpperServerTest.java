package exercise.udp_upper;

import java.net.DatagramSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class UdpUpperServerTest {

    @Test
    @Tag("points=3")
    void repliesUpperCasedToTheSender() throws Exception {
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("client")) {
            udp.send("client", client, "hello udp");
            assertEquals("HELLO UDP", udp.receive("client", client), udp.log());
        }
    }

    @Test
    @Tag("points=2")
    void answersEveryDatagramNotJustTheFirst() throws Exception {
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("client")) {
            for (String word : new String[] {"one", "two", "three"}) {
                udp.send("client", client, word);
                assertEquals(word.toUpperCase(), udp.receive("client", client),
                        "each datagram deserves its own reply (is your receive inside a loop?)\n" + udp.log());
            }
        }
    }

    @Test
    @Tag("points=3")
    void repliesToEachOfSeveralInterleavedClients() throws Exception {
        try (UdpHarness udp = new UdpHarness();
             DatagramSocket tom = udp.client("TOM");
             DatagramSocket jack = udp.client("JACK")) {
            udp.send("TOM", tom, "tom 1");
            udp.send("JACK", jack, "jack 1");
            udp.send("TOM", tom, "tom 2");
            assertEquals("TOM 1", udp.receive("TOM", tom), udp.log());
            assertEquals("TOM 2", udp.receive("TOM", tom), udp.log());
            assertEquals("JACK 1", udp.receive("JACK", jack),
                    "JACK's reply must go to JACK's address, not to the first client the server met\n" + udp.log());
        }
    }

    @Test
    @Tag("points=2")
    void returnsWhenTheSocketIsClosed() throws Exception {
        UdpHarness udp = new UdpHarness();
        try (DatagramSocket client = udp.client("client")) {
            udp.send("client", client, "ping");
            assertEquals("PING", udp.receive("client", client), udp.log());
        }
        assertTrue(udp.stopAndAwaitReturn(), "serve should return once its socket is closed");
        assertTrue(udp.failures().isEmpty(), "closing the socket should end serve quietly, but it threw " + udp.failures());
    }
}
