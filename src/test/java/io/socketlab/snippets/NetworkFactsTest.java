package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.inspect.SocketEntry;
import io.socketlab.inspect.SocketTable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the regions of NetworkFacts: every number and behaviour chapters 11 to 13 state. */
@Timeout(60)
class NetworkFactsTest {
    private ExecutorService peer;

    @BeforeEach
    void startPeer() {
        peer = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopPeer() throws InterruptedException {
        peer.shutdownNow();
        assertTrue(peer.awaitTermination(5, TimeUnit.SECONDS));
    }

    private static ServerSocket loopbackServer() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        server.setSoTimeout(5000);
        return server;
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aRequestIsCrlfLinesAndABlankLine() {
        byte[] request = NetworkFacts.requestBytes(8080);
        String text = new String(request, StandardCharsets.US_ASCII);
        assertEquals("GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n", text);
        assertEquals(68, request.length);
        assertTrue(text.endsWith("\r\n\r\n"), "the head ends with an empty line");
    }

    @Test
    void contentLengthCountsBytes() {
        String text = new String(NetworkFacts.responseBytes("你好，HTTP\n"), StandardCharsets.UTF_8);
        assertTrue(text.contains("Content-Length: 14\r\n"), "5 characters of Chinese text and punctuation are 9 bytes, plus 5: " + text);
        assertTrue(new String(NetworkFacts.responseBytes("hello, HTTP\n"), StandardCharsets.UTF_8).contains("Content-Length: 12\r\n"));
    }

    @Test
    void afterAHalfCloseTheClientStillReadsTheWholeAnswer() throws Exception {
        try (ServerSocket server = loopbackServer(); Socket client = new Socket()) {
            client.connect(server.getLocalSocketAddress(), 5000);
            client.setSoTimeout(5000);
            Future<?> answering = peer.submit(() -> {
                try (Socket conn = server.accept()) {
                    conn.setSoTimeout(5000);
                    NetworkFacts.answerAfterTheEnd(conn);
                }
                return null;
            });
            assertEquals("9 bytes, then the end", NetworkFacts.askAndReadToTheEnd(client, "question?"));
            answering.get(10, TimeUnit.SECONDS);
            assertTrue(client.isOutputShutdown());
            SocketException shut = assertThrows(SocketException.class, () -> client.getOutputStream().write(1),
                    "writing after shutdownOutput");
            assertTrue(shut.getMessage().toLowerCase().contains("shut") || shut.getMessage().toLowerCase().contains("broken"), shut.getMessage());
        }
    }

    @Test
    void localhostResolvesToLoopbackAddressesOnly() throws Exception {
        List<InetAddress> all = NetworkFacts.allAddresses("localhost");
        assertFalse(all.isEmpty());
        assertTrue(all.stream().allMatch(InetAddress::isLoopbackAddress), all.toString());
        assertTrue(all.stream().anyMatch(a -> a instanceof Inet4Address), "127.0.0.1 is always among them: " + all);
    }

    @Test
    void anIpv6LiteralNeedsNoLookupAndTakesBracketsWithAPort() throws Exception {
        String[] facts = NetworkFacts.ipv6Literals();
        assertEquals("0:0:0:0:0:0:0:1", facts[0], "Java writes ::1 in full");
        assertEquals("true", facts[1], "[::1] and ::1 are the same address");
        assertEquals("[::1]", facts[2], "URI keeps the brackets in the host");
        assertEquals("8080", facts[3]);
        assertEquals("/[0:0:0:0:0:0:0:1]:8080", facts[4]);
        assertTrue(InetAddress.getByName("::1") instanceof Inet6Address);
    }

    @Test
    void aServerBoundTo127001IsNotReachableAtColonColon1() throws Exception {
        assumeTrue(ipv6Loopback(), "::1 does not work on this machine");
        try (ServerSocket server = NetworkFacts.bindToOneAddress(); Socket v4 = new Socket()) {
            v4.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 5000);
            try (Socket v6 = new Socket()) {
                assertThrows(ConnectException.class, () -> v6.connect(new InetSocketAddress("::1", server.getLocalPort()), 5000));
            }
        }
    }

    @Test
    void theWildcardIsTheAnyAddress() {
        InetSocketAddress any = NetworkFacts.wildcard(8080);
        assertTrue(any.getAddress().isAnyLocalAddress());
        assertEquals(8080, any.getPort());
    }

    @Test
    void twoCallsToOnePortDifferOnlyInTheClientsPort() throws Exception {
        try (ServerSocket server = loopbackServer();
             Socket first = new Socket("127.0.0.1", server.getLocalPort());
             Socket second = new Socket("127.0.0.1", server.getLocalPort());
             Socket a = server.accept();
             Socket b = server.accept()) {
            String one = NetworkFacts.fourTuple(a);
            String two = NetworkFacts.fourTuple(b);
            assertNotEquals(one, two);
            assertEquals(a.getLocalPort(), b.getLocalPort(), "both accepted sockets use the listening port");
            assertEquals(server.getLocalPort(), a.getLocalPort());
            assertEquals("127.0.0.1:" + first.getLocalPort() + " -> 127.0.0.1:" + server.getLocalPort(), one);
            assertEquals("127.0.0.1:" + second.getLocalPort() + " -> 127.0.0.1:" + server.getLocalPort(), two);
        }
    }

    @Test
    void aClientsPortComesFromTheEphemeralRange() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/sys/net/ipv4/ip_local_port_range")), "not Linux");
        int[] range = NetworkFacts.ephemeralRange();
        try (ServerSocket server = loopbackServer(); Socket client = new Socket("127.0.0.1", server.getLocalPort())) {
            assertTrue(client.getLocalPort() >= range[0] && client.getLocalPort() <= range[1],
                    client.getLocalPort() + " outside " + range[0] + ".." + range[1]);
        }
    }

    @Test
    void thePrivateRangesAreSiteLocal() throws Exception {
        assertTrue(NetworkFacts.isPrivate("10.1.2.3"));
        assertTrue(NetworkFacts.isPrivate("172.16.0.1"));
        assertTrue(NetworkFacts.isPrivate("172.31.255.254"));
        assertTrue(NetworkFacts.isPrivate("192.168.1.20"));
        assertFalse(NetworkFacts.isPrivate("172.32.0.1"));
        assertFalse(NetworkFacts.isPrivate("8.8.8.8"));
        assertFalse(NetworkFacts.isPrivate("127.0.0.1"), "loopback is its own kind");
    }

    @Test
    void aJavaSocketOn127001IsListedInTcp6AsAnIpv4MappedAddressOrInTcp() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net: not Linux");
        try (ServerSocket server = loopbackServer()) {
            SocketEntry mine = SocketTable.forThisMachine().onPort(server.getLocalPort()).entries().stream()
                    .filter(e -> e.state().equals("LISTEN")).findFirst().orElseThrow();
            boolean ipv6Stack = !Boolean.getBoolean("java.net.preferIPv4Stack") && ipv6Loopback();
            assertEquals(ipv6Stack ? "tcp6" : "tcp", mine.protocol());
            assertEquals(ipv6Stack ? "[::ffff:127.0.0.1]:" + server.getLocalPort() : "127.0.0.1:" + server.getLocalPort(),
                    SocketEntry.text(mine.local()));
        }
    }

    @Test
    void aDualStackServerSeesAnIpv4CallerAsMappedInPythonAndAsIpv4InJava() throws Exception {
        assumeTrue(ipv6Loopback(), "::1 does not work on this machine: no dual-stack socket");
        try (ServerSocket java = new ServerSocket()) {
            java.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));
            java.setSoTimeout(5000);
            try (Socket caller = new Socket("127.0.0.1", java.getLocalPort()); Socket conn = java.accept()) {
                assertTrue(conn.getInetAddress() instanceof Inet4Address, "Java turns ::ffff:127.0.0.1 back into IPv4: " + conn.getInetAddress());
                assertEquals("127.0.0.1", conn.getInetAddress().getHostAddress());
            }
        }
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "import socket",
                "with socket.create_server(('::', 0), family=socket.AF_INET6, dualstack_ipv6=True) as server:",
                "    print(server.getsockname()[1], flush=True)",
                "    conn, peer = server.accept()",
                "    print(peer[0], flush=True)",
                "    conn.close()");
        try (PythonRunner python = PythonRunner.start(script); Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(python.line())), PythonRunner.startUpMillis());
            assertEquals("::ffff:127.0.0.1", python.line());
        }
    }

    @Test
    void aDatagramToAPortWithNobodyComesBackAsPortUnreachable() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            closedPort = probe.getLocalPort();
        }
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(5000);
            assertThrows(PortUnreachableException.class, () -> NetworkFacts.sendToNobody(socket, closedPort));
        }
    }
}
