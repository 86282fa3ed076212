package io.socketlab.snippets;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The UDP facts of chapter 6, each in a named region that the lesson
 * includes. UdpFactsTest runs every region on 127.0.0.1.
 */
final class UdpFacts {

    private UdpFacts() {
    }

    /** Sends each message as its own datagram to {@code to}. */
    static void sendEach(DatagramSocket udp, SocketAddress to, String... messages) throws IOException {
        // region boundaries
        for (String message : messages) {    // three sendto calls...
            byte[] data = message.getBytes(StandardCharsets.UTF_8);
            udp.send(new DatagramPacket(data, data.length, to));
        }
        // endregion
    }

    /** Receives {@code count} datagrams, each as its own string. */
    static List<String> receiveEach(DatagramSocket udp, int count) throws IOException {
        List<String> received = new ArrayList<>();
        // region receive-each
        byte[] buffer = new byte[1024];
        for (int i = 0; i < count; i++) {    // ...three recvfrom calls
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            udp.receive(packet);                 // exactly one datagram
            int n = packet.getLength();
            received.add(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        // endregion
        return received;
    }

    /** Receives one datagram into a buffer of {@code size} bytes; returns how many bytes it kept. */
    static int receiveInto(DatagramSocket udp, int size) throws IOException {
        // region truncate
        DatagramPacket small = new DatagramPacket(new byte[size], size);
        udp.receive(small);                          // no error, no warning
        int kept = small.getLength();    // at most size; the rest is gone
        // endregion
        return kept;
    }

    /** Sends one datagram to a port on 127.0.0.1 where nobody listens; returns normally. */
    static void sendToNobody(DatagramSocket udp, int closedPort) throws IOException {
        // region nobody
        byte[] data = "anyone there?".getBytes(StandardCharsets.UTF_8);
        InetSocketAddress nobody = new InetSocketAddress("127.0.0.1", closedPort);
        udp.send(new DatagramPacket(data, data.length, nobody));   // no error
        // endregion
    }

    /** Sends one datagram of zero bytes: it is delivered, and the receiver can answer it. */
    static void sendEmpty(DatagramSocket udp, SocketAddress to) throws IOException {
        // region empty
        udp.send(new DatagramPacket(new byte[0], 0, to));   // a datagram of 0 bytes
        // endregion
    }

    /** Sends {@code size} bytes as one datagram; throws when the size is above UDP's limit. */
    static void sendOfSize(DatagramSocket udp, SocketAddress to, int size) throws IOException {
        // region size-limit
        // at most 65,507 bytes over IPv4, 65,527 over IPv6
        byte[] data = new byte[size];
        udp.send(new DatagramPacket(data, data.length, to));
        // endregion
    }

    /**
     * Sends to a port where nobody listens and waits for a reply: "timed out" on an unconnected
     * socket, "port unreachable" on a connected one.
     */
    static String askNobody(DatagramSocket udp, InetSocketAddress nobody, boolean connect) throws IOException {
        // region unreachable
        if (connect) {
            udp.connect(nobody);                 // talk to this one address only
        }
        byte[] data = "anyone there?".getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(data, data.length, nobody));
        try {
            udp.receive(new DatagramPacket(new byte[1024], 1024));
            return "answered";
        } catch (PortUnreachableException e) {   // the ICMP error came back
            return "port unreachable";
        } catch (SocketTimeoutException e) {     // the ICMP error was not reported
            return "timed out";
        }
        // endregion
    }

    /** The local port of a DatagramSocket just created, before it sent anything. */
    static int portBeforeSending() throws IOException {
        // region bound-at-creation
        // bound here, to a free port: getLocalPort() is already > 0
        try (DatagramSocket udp = new DatagramSocket()) {
            return udp.getLocalPort();
        }
        // endregion
    }
}
