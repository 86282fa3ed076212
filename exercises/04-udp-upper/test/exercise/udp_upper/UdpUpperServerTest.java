package exercise.udp_upper;

import java.net.DatagramSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
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
            udp.send("client", client, "one");
            assertEquals("ONE", udp.receive("client", client), udp.log());
            for (String word : new String[] {"two", "three"}) {
                udp.send("client", client, word);
                assertEquals(word.toUpperCase(), udp.receive("client", client),
                        say("each datagram deserves its own reply (is your receive inside a loop?)",
                                "每个数据报都应该得到自己的回复（你的 receive 在循环里吗？）") + "\n" + udp.log());
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
            String where = say("TOM sent \"tom 1\" and \"tom 2\", JACK sent \"jack 1\" in between: each reply goes back to the"
                    + " address its own datagram came from (packet.getSocketAddress()), not to a client remembered from before",
                    "TOM 发了 \"tom 1\" 和 \"tom 2\"，JACK 在中间发了 \"jack 1\"：每个回复都要发回它自己那个数据报的来源地址"
                    + "（packet.getSocketAddress()），而不是之前记下的某个客户端");
            assertEquals("TOM 1", udp.receive("TOM", tom), where + "\n" + udp.log());
            assertEquals("TOM 2", udp.receive("TOM", tom), where + "\n" + udp.log());
            assertEquals("JACK 1", udp.receive("JACK", jack),
                    say("JACK's reply must go to JACK's address, not to the first client the server met",
                            "JACK 的回复必须发到 JACK 的地址，而不是服务器遇到的第一个客户端") + "\n" + udp.log());
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
        assertTrue(udp.stopAndAwaitReturn(), say("serve should return once its socket is closed", "套接字被关闭后，serve 应该返回"));
        assertTrue(udp.failures().isEmpty(), say("closing the socket should end serve quietly, but it threw ",
                "关闭套接字后，serve 应该安静地结束，但它抛出了 ") + udp.failures());
    }
}
