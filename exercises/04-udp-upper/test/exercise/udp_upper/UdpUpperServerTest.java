package exercise.udp_upper;

import io.socketlab.testkit.PlatformCharset;
import java.net.DatagramSocket;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class UdpUpperServerTest {

    @Test
    @Tag("points=2")
    void repliesUpperCasedToTheSender() throws Exception {
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("client")) {
            udp.send("client", client, "hello udp");
            udp.expect("client", client, "hello udp", "HELLO UDP");
        }
    }

    @Test
    @Tag("points=1")
    void upperCasesTheSameWayUnderEveryLocale() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("client")) {
            udp.send("client", client, "hi");
            try {
                udp.expect("client", client, "hi", "HI");
            } catch (AssertionError e) {
                throw new AssertionError(say("on a machine set to Turkish, \"hi\" did not come back as \"HI\": plain toUpperCase() follows the machine's"
                        + " language (Turkish upper-cases i to İ); write toUpperCase(Locale.ROOT)",
                        "在设为土耳其语的机器上，\"hi\" 没有变成 \"HI\"：不带参数的 toUpperCase() 跟着机器的语言走"
                        + "（土耳其语把 i 大写成 İ）；要写 toUpperCase(Locale.ROOT)") + "\n" + e.getMessage(), e);
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @Tag("points=2")
    void answersEveryDatagramNotJustTheFirst() throws Exception {
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("client")) {
            udp.send("client", client, "one");
            udp.expect("client", client, "one", "ONE");
            for (String word : new String[] {"two", "three"}) {
                udp.send("client", client, word);
                try {
                    udp.expect("client", client, word, word.toUpperCase());
                } catch (AssertionError e) {
                    throw UdpHarness.diagnoseNoReply(e, say("each datagram deserves its own reply: is your receive inside a loop?",
                            "每个数据报都应该得到自己的回复：你的 receive 在循环里吗？"));
                }
            }
        }
    }

    @Test
    @Tag("points=2")
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
            try {
                udp.expect("TOM", tom, "tom 1", "TOM 1", "JACK 1");
                udp.expect("TOM", tom, "tom 2", "TOM 2", "JACK 1");
                udp.expect("JACK", jack, "jack 1", "JACK 1", "TOM 1", "TOM 2");
            } catch (AssertionError e) {
                throw UdpHarness.diagnoseNoReply(e, where);
            }
        }
    }

    @Test
    @Tag("points=2")
    void aShortDatagramAfterALongOneComesBackAlone() throws Exception {
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("client")) {
            udp.send("client", client, "a rather long first message");
            udp.expect("client", client, "a rather long first message", "A RATHER LONG FIRST MESSAGE");
            udp.send("client", client, "hi");
            udp.expect("client", client, "hi", "HI");
            udp.send("client", client, "and a long one again");
            udp.expect("client", client, "and a long one again", "AND A LONG ONE AGAIN");
        }
    }

    @Test
    @Tag("points=1")
    void speaksUtf8WhateverThePlatformCharset() throws Exception {
        try (UdpHarness udp = new UdpHarness(); DatagramSocket client = udp.client("一棵树")) {
            udp.send("一棵树", client, "你好 é abc");
            udp.expect("一棵树", client, "你好 é abc", "你好 É ABC");
        }
        PlatformCharset.assertNotUsedBy(UdpUpperServer.class);
    }

    @Test
    @Tag("points=1")
    void returnsWhenTheSocketIsClosed() throws Exception {
        UdpHarness udp = new UdpHarness();
        try (DatagramSocket client = udp.client("client")) {
            udp.send("client", client, "ping");
            udp.expect("client", client, "ping", "PING");
        }
        assertTrue(udp.stopAndAwaitReturn(), say("serve should return once its socket is closed", "套接字被关闭后，serve 应该返回"));
        assertTrue(udp.failures().isEmpty(), say("closing the socket should end serve quietly, but it threw ",
                "关闭套接字后，serve 应该安静地结束，但它抛出了 ") + udp.failures());
    }
}
