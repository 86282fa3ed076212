package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the regions of UdpFacts on loopback, where datagrams are not lost or reordered. */
class UdpFactsTest {

    private static DatagramSocket bound() throws Exception {
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        udp.setSoTimeout(5000);
        return udp;
    }

    @Test
    void eachSendArrivesAsOneSeparateDatagram() throws Exception {
        try (DatagramSocket sender = bound(); DatagramSocket receiver = bound()) {
            UdpFacts.sendEach(sender, receiver.getLocalSocketAddress(), "hello", "world", "!");
            assertEquals(List.of("hello", "world", "!"), UdpFacts.receiveEach(receiver, 3));
        }
    }

    @Test
    void aDatagramLongerThanTheBufferIsCutWithoutAnError() throws Exception {
        try (DatagramSocket sender = bound(); DatagramSocket receiver = bound()) {
            byte[] big = new byte[1500];
            Arrays.fill(big, (byte) 'x');
            sender.send(new DatagramPacket(big, big.length, receiver.getLocalSocketAddress()));
            assertEquals(1024, UdpFacts.receiveInto(receiver, 1024));
        }
    }

    @Test
    void theBytesCutOffAreNotDeliveredByTheNextReceive() throws Exception {
        try (DatagramSocket sender = bound(); DatagramSocket receiver = bound()) {
            byte[] big = new byte[1500];
            Arrays.fill(big, (byte) 'x');
            sender.send(new DatagramPacket(big, big.length, receiver.getLocalSocketAddress()));
            byte[] next = "next".getBytes(StandardCharsets.UTF_8);
            sender.send(new DatagramPacket(next, next.length, receiver.getLocalSocketAddress()));
            UdpFacts.receiveInto(receiver, 1024);
            assertEquals(List.of("next"), UdpFacts.receiveEach(receiver, 1));
        }
    }

    @Test
    void sendingToAPortWhereNobodyListensDoesNotThrow() throws Exception {
        int closedPort;
        try (DatagramSocket gone = bound()) {
            closedPort = gone.getLocalPort();
        }
        try (DatagramSocket sender = bound()) {
            assertDoesNotThrow(() -> UdpFacts.sendToNobody(sender, closedPort));
        }
    }
}
