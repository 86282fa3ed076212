package io.socketlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.testkit.UdpFaultProxy.Fate;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class UdpFaultProxyTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static DatagramSocket bound() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout(5000);
        return socket;
    }

    private static void send(DatagramSocket from, int port, String text) throws Exception {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(data, data.length, LOOPBACK, port));
    }

    private static String receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void theSameSeedDealsTheSameFatesAndAnotherSeedOthers() {
        UdpFaultProxy.Builder one = UdpFaultProxy.to(1).seed(42).loss(0.2).duplicate(0.1).delay(0.1, 50).reorder(0.1);
        UdpFaultProxy.Builder again = UdpFaultProxy.to(1).seed(42).loss(0.2).duplicate(0.1).delay(0.1, 50).reorder(0.1);
        UdpFaultProxy.Builder other = UdpFaultProxy.to(1).seed(43).loss(0.2).duplicate(0.1).delay(0.1, 50).reorder(0.1);
        assertEquals(one.fates(100), again.fates(100));
        assertNotEquals(one.fates(100), other.fates(100));
        assertTrue(one.fates(100).containsAll(List.of(Fate.PASS, Fate.DROP, Fate.DUPLICATE, Fate.DELAY, Fate.REORDER)));
    }

    @Test
    void withoutFaultsDatagramsGoThroughAndRepliesComeBack() throws Exception {
        try (DatagramSocket server = bound(); DatagramSocket client = bound();
             UdpFaultProxy proxy = UdpFaultProxy.to(server.getLocalPort()).start()) {
            send(client, proxy.port(), "ping");
            DatagramPacket request = new DatagramPacket(new byte[1024], 1024);
            server.receive(request);
            assertEquals("ping", new String(request.getData(), 0, request.getLength(), StandardCharsets.UTF_8));
            server.send(new DatagramPacket("pong".getBytes(StandardCharsets.UTF_8), 4, request.getSocketAddress()));
            assertEquals("pong", receive(client));
            assertEquals(List.of(Fate.PASS), proxy.dealt());
        }
    }

    @Test
    void exactlyTheDatagramsDealtDropAreLostAndTheRestArriveInOrder() throws Exception {
        try (DatagramSocket server = bound(); DatagramSocket client = bound()) {
            UdpFaultProxy.Builder settings = UdpFaultProxy.to(server.getLocalPort()).seed(7).loss(0.4);
            List<Fate> fates = settings.fates(20);
            List<String> expected = new ArrayList<>();
            try (UdpFaultProxy proxy = settings.start()) {
                for (int i = 0; i < 20; i++) {
                    send(client, proxy.port(), "datagram " + i);
                    if (fates.get(i) == Fate.PASS) {
                        expected.add("datagram " + i);
                    }
                }
                List<String> got = new ArrayList<>();
                for (int i = 0; i < expected.size(); i++) {
                    got.add(receive(server));
                }
                assertEquals(expected, got);
                assertTrue(expected.size() > 5 && expected.size() < 18, "seed 7 loses some, not all: " + fates);
                assertEquals(fates, proxy.dealt());
                assertTrue(proxy.log().contains("[proxy] datagram " + (fates.indexOf(Fate.DROP) + 1) + " \"datagram "
                        + fates.indexOf(Fate.DROP) + "\": dropped"), proxy.log());
            }
        }
    }

    @Test
    void aDuplicatedDatagramArrivesTwice() throws Exception {
        try (DatagramSocket server = bound(); DatagramSocket client = bound();
             UdpFaultProxy proxy = UdpFaultProxy.to(server.getLocalPort()).duplicate(1).start()) {
            send(client, proxy.port(), "twice");
            assertEquals("twice", receive(server));
            assertEquals("twice", receive(server));
        }
    }

    @Test
    void aReorderedDatagramGoesRightAfterTheNextOne() throws Exception {
        long seed = 0;
        while (!UdpFaultProxy.to(0).seed(seed).reorder(0.5).fates(2).equals(List.of(Fate.REORDER, Fate.PASS))) {
            seed++;
        }
        try (DatagramSocket server = bound(); DatagramSocket client = bound();
             UdpFaultProxy proxy = UdpFaultProxy.to(server.getLocalPort()).seed(seed).reorder(0.5).start()) {
            send(client, proxy.port(), "first");
            send(client, proxy.port(), "second");
            assertEquals("second", receive(server));
            assertEquals("first", receive(server));
        }
    }

    @Test
    void aDelayedDatagramArrivesNoSoonerThanTheDelay() throws Exception {
        try (DatagramSocket server = bound(); DatagramSocket client = bound();
             UdpFaultProxy proxy = UdpFaultProxy.to(server.getLocalPort()).delay(1, 200).start()) {
            long sent = System.nanoTime();
            send(client, proxy.port(), "later");
            assertEquals("later", receive(server));
            assertTrue(System.nanoTime() - sent >= 200_000_000L);
        }
    }

    @Test
    void probabilitiesMustAddUpToAtMostOne() {
        assertThrows(IllegalArgumentException.class, () -> UdpFaultProxy.to(1).loss(0.6).duplicate(0.6).start());
        assertThrows(IllegalArgumentException.class, () -> UdpFaultProxy.to(1).loss(-0.1).start());
        assertThrows(IllegalArgumentException.class, () -> UdpFaultProxy.to(1).delay(0.5, 0).start());
    }
}
