package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the regions of UdpFacts on loopback (127.0.0.1 and ::1). */
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

    @Test
    void anEmptyDatagramIsDeliveredAndCanBeAnswered() throws Exception {
        try (DatagramSocket sender = bound(); DatagramSocket receiver = bound()) {
            UdpFacts.sendEmpty(sender, receiver.getLocalSocketAddress());
            DatagramPacket empty = new DatagramPacket(new byte[1024], 1024);
            receiver.receive(empty);
            assertEquals(0, empty.getLength());
            UdpFacts.sendEmpty(receiver, empty.getSocketAddress());
            DatagramPacket answer = new DatagramPacket(new byte[1024], 1024);
            sender.receive(answer);
            assertEquals(0, answer.getLength());
        }
    }

    private static void assertLargestDatagram(String loopback, int largest) throws Exception {
        InetSocketAddress here = new InetSocketAddress(InetAddress.getByName(loopback), 0);
        try (DatagramSocket sender = new DatagramSocket(here); DatagramSocket receiver = new DatagramSocket(here)) {
            receiver.setSoTimeout(5000);
            UdpFacts.sendOfSize(sender, receiver.getLocalSocketAddress(), largest);
            DatagramPacket whole = new DatagramPacket(new byte[70_000], 70_000);
            receiver.receive(whole);
            assertEquals(largest, whole.getLength());
            IOException tooLong = assertThrows(IOException.class,
                    () -> UdpFacts.sendOfSize(sender, receiver.getLocalSocketAddress(), largest + 1));
            assertTrue(tooLong.getMessage().contains("Message too long"), tooLong.getMessage());
        }
    }

    @Test
    void theLargestDatagramOverIpv4Is65507Bytes() throws Exception {
        assertLargestDatagram("127.0.0.1", 65_507);
    }

    @Test
    void theLargestDatagramOverIpv6Is65527Bytes() throws Exception {
        assumeTrue(ipv6LoopbackWorks(), "no ::1 on this machine");
        assertLargestDatagram("::1", 65_527);
    }

    private static boolean ipv6LoopbackWorks() {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
            return probe.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static InetSocketAddress deadPort() throws Exception {
        try (DatagramSocket gone = bound()) {
            return new InetSocketAddress("127.0.0.1", gone.getLocalPort());
        }
    }

    @Test
    void anUnconnectedSocketOnlyTimesOutWhenNobodyListens() throws Exception {
        try (DatagramSocket udp = bound()) {
            udp.setSoTimeout(500);
            assertEquals("timed out", UdpFacts.askNobody(udp, deadPort(), false));
        }
    }

    @Test
    void aConnectedSocketHearsPortUnreachableWhenNobodyListens() throws Exception {
        try (DatagramSocket udp = bound()) {
            assertEquals("port unreachable", UdpFacts.askNobody(udp, deadPort(), true));
        }
    }

    @Test
    void aConnectedPythonSocketGetsConnectionRefused() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "import socket, sys",
                "with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:",
                "    udp.settimeout(5)",
                "    udp.connect(('127.0.0.1', int(sys.argv[1])))",
                "    udp.send(b'anyone there?')",
                "    try:",
                "        udp.recv(1024)",
                "    except OSError as e:",
                "        print(type(e).__name__, e.errno)");
        assertEquals("ConnectionRefusedError 111", PythonRunner.run(script, String.valueOf(deadPort().getPort())));
    }

    @Test
    void javaBindsADatagramSocketWhenItIsCreatedAndPythonAtTheFirstSend() throws Exception {
        assertTrue(UdpFacts.portBeforeSending() > 0);
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "import socket, sys",
                "with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:",
                "    print(udp.getsockname()[1])",
                "    udp.sendto(b'x', ('127.0.0.1', int(sys.argv[1])))",
                "    print(udp.getsockname()[1] > 0)");
        assertEquals("0\nTrue", PythonRunner.run(script, String.valueOf(deadPort().getPort())));
    }

    @Test
    void onLoopbackDatagramsAreLostWhenTheReceiverDoesNotRead() throws Exception {
        int sent = 5000;
        int size = 1024;
        try (DatagramSocket sender = bound(); DatagramSocket receiver = bound()) {
            byte[] data = new byte[size];
            for (int i = 0; i < sent; i++) {
                sender.send(new DatagramPacket(data, size, receiver.getLocalSocketAddress()));
            }
            // nobody read while they came in: the receive buffer is now as full as it gets
            receiver.setSoTimeout(300);
            int arrived = 0;
            try {
                while (arrived <= sent) {
                    receiver.receive(new DatagramPacket(new byte[size], size));
                    arrived++;
                }
            } catch (SocketTimeoutException drained) {
                // every datagram that was kept has been read
            }
            assertTrue(arrived > 0, "nothing arrived");
            assertTrue(arrived < sent, "all " + sent + " arrived");
            assertTrue((long) arrived * size <= receiver.getReceiveBufferSize(),
                    arrived + " datagrams of " + size + " bytes do not fit in " + receiver.getReceiveBufferSize());
        }
    }

    @Test
    void pythonOnLinuxAlsoCutsALongDatagramSilently() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "Windows raises an error instead");
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "import socket",
                "with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as a, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as b:",
                "    b.bind(('127.0.0.1', 0))",
                "    b.settimeout(5)",
                "    a.sendto(bytes(1500), b.getsockname())",
                "    print(len(b.recvfrom(1024)[0]))");
        assertEquals("1024", PythonRunner.run(script));
    }
}
