package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chapter 10's statements about failures, each checked on this machine over 127.0.0.1. */
@Timeout(30)
class FailureFactsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static int closedPort() throws IOException {
        try (ServerSocket briefly = new ServerSocket(0, 1, LOOPBACK)) {
            return briefly.getLocalPort();
        }
    }

    /** A connected pair: [0] the client, [1] the server's side of it; both with a 5 s read timeout. */
    private static Socket[] pair(ServerSocket listening) throws IOException {
        Socket client = new Socket();
        client.connect(listening.getLocalSocketAddress(), 5000);
        Socket server = listening.accept();
        client.setSoTimeout(5000);
        server.setSoTimeout(5000);
        return new Socket[] {client, server};
    }

    @Test
    void nobodyListeningIsConnectionRefused() throws Exception {
        int port = closedPort();
        try (Socket socket = new Socket()) {
            ConnectException refused = assertThrows(ConnectException.class,
                    () -> socket.connect(new InetSocketAddress(LOOPBACK, port), 5000));
            assertEquals("Connection refused", refused.getMessage());
        }
    }

    @Test
    void aFullAcceptQueueLetsTwoCallersInWithBacklogOneAndTheThirdConnectTimesOut() throws Exception {
        List<Socket> callers = new ArrayList<>();
        try (ServerSocket neverAccepts = new ServerSocket(0, 1, LOOPBACK)) {
            SocketTimeoutException late = null;
            for (int i = 0; i < 10 && late == null; i++) {
                Socket caller = new Socket();
                callers.add(caller);
                try {
                    caller.connect(neverAccepts.getLocalSocketAddress(), 300);
                } catch (SocketTimeoutException e) {
                    late = e;
                }
            }
            assertTrue(late != null, "ten callers all got in");
            assertEquals("Connect timed out", late.getMessage());
            assertEquals(3, callers.size(), "two connections fill a queue of backlog 1, the third waits");
            assertInstanceOf(InterruptedIOException.class, late);
        } finally {
            for (Socket caller : callers) {
                caller.close();
            }
        }
    }

    @Test
    void aReadTimeoutLeavesTheConnectionUsable() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 5, LOOPBACK)) {
            Socket[] ends = pair(listening);
            try (Socket client = ends[0]; Socket server = ends[1]) {
                client.setSoTimeout(200);
                SocketTimeoutException late = assertThrows(SocketTimeoutException.class, () -> client.getInputStream().read());
                assertEquals("Read timed out", late.getMessage());
                server.getOutputStream().write('!');
                client.setSoTimeout(5000);
                assertEquals('!', client.getInputStream().read());
            }
        }
    }

    @Test
    void lingerZeroResetsTheConnection() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 5, LOOPBACK)) {
            Socket[] ends = pair(listening);
            try (Socket client = ends[0]) {
                ends[1].setSoLinger(true, 0);
                ends[1].close();
                SocketException reset = assertThrows(SocketException.class, () -> client.getInputStream().read());
                assertEquals("Connection reset", reset.getMessage());
                SocketException pipe = assertThrows(SocketException.class, () -> client.getOutputStream().write('x'));
                assertEquals("Broken pipe", pipe.getMessage(), "the reset was read already: writing now is EPIPE");
            }
        }
    }

    @Test
    void writingToAConnectionThatWasResetIsConnectionResetByPeer() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 5, LOOPBACK)) {
            Socket[] ends = pair(listening);
            try (Socket client = ends[0]) {
                ends[1].setSoLinger(true, 0);
                ends[1].close();
                SocketException reset = assertThrows(SocketException.class, () -> client.getOutputStream().write('x'));
                assertEquals("Connection reset by peer", reset.getMessage());
            }
        }
    }

    @Test
    void afterANormalCloseTheFirstWriteSucceedsAndTheSecondIsABrokenPipe() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 5, LOOPBACK)) {
            Socket[] ends = pair(listening);
            try (Socket client = ends[0]) {
                ends[1].close();
                assertEquals(-1, client.getInputStream().read());
                client.getOutputStream().write("first".getBytes());
                SocketException pipe = assertThrows(SocketException.class, () -> client.getOutputStream().write("second".getBytes()));
                assertEquals("Broken pipe", pipe.getMessage());
            }
        }
    }

    @Test
    void closingAChannelWithUnreadDataResetsButJavaNetSocketCloseHangsUpNormally() throws Exception {
        try (ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
            try (Socket client = new Socket()) {
                client.connect(listening.getLocalAddress(), 5000);
                client.setSoTimeout(5000);
                SocketChannel server = listening.accept();
                client.getOutputStream().write("never read".getBytes());
                awaitUnread(server);
                server.close();
                SocketException reset = assertThrows(SocketException.class, () -> client.getInputStream().read());
                assertEquals("Connection reset", reset.getMessage());
            }
        }
        try (ServerSocket listening = new ServerSocket(0, 5, LOOPBACK)) {
            Socket[] ends = pair(listening);
            try (Socket client = ends[0]) {
                client.getOutputStream().write("never read".getBytes());
                while (ends[1].getInputStream().available() == 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // look again in 1 ms, leaving the CPU to the code waited for
                }
                ends[1].close();
                assertEquals(-1, client.getInputStream().read(), "JDK " + Runtime.version().feature() + "'s Socket.close");
            }
        }
    }

    private static void awaitUnread(SocketChannel server) throws IOException {
        try (java.nio.channels.Selector selector = java.nio.channels.Selector.open()) {
            server.configureBlocking(false);
            server.register(selector, java.nio.channels.SelectionKey.OP_READ);
            assertEquals(1, selector.select(5000), "the bytes arrived at the server");
        }
    }

    @Test
    void anUnresolvedNameIsUnknownHostExceptionNamingIt() throws Exception {
        try (Socket socket = new Socket()) {
            UnknownHostException unknown = assertThrows(UnknownHostException.class,
                    () -> socket.connect(InetSocketAddress.createUnresolved("no-such-host.invalid", 80), 1000));
            assertEquals("no-such-host.invalid", unknown.getMessage());
        }
    }

    @Test
    void aConnectedDatagramSocketHearsPortUnreachableAnUnconnectedOneHearsNothing() throws Exception {
        int port;
        try (DatagramSocket briefly = new DatagramSocket(0, LOOPBACK)) {
            port = briefly.getLocalPort();
        }
        try (DatagramSocket connected = new DatagramSocket(0, LOOPBACK)) {
            connected.connect(LOOPBACK, port);
            connected.setSoTimeout(5000);
            connected.send(new DatagramPacket(new byte[] {'?'}, 1));
            assertThrows(PortUnreachableException.class, () -> connected.receive(new DatagramPacket(new byte[16], 16)));
        }
        try (DatagramSocket unconnected = new DatagramSocket(0, LOOPBACK)) {
            unconnected.setSoTimeout(300);
            unconnected.send(new DatagramPacket(new byte[] {'?'}, 1, LOOPBACK, port));
            SocketTimeoutException silence = assertThrows(SocketTimeoutException.class,
                    () -> unconnected.receive(new DatagramPacket(new byte[16], 16)));
            assertEquals("Receive timed out", silence.getMessage());
        }
    }

    @Test
    void keepaliveIsOffAndLingerIsOffByDefault() throws Exception {
        try (Socket socket = new Socket()) {
            assertFalse(socket.getKeepAlive());
            assertEquals(-1, socket.getSoLinger());
            socket.setKeepAlive(true);
            assertTrue(socket.getKeepAlive());
        }
    }

    @Test
    void keepaliveWaitsTwoHoursThenProbesNineTimes75SecondsApartUnlessSetPerSocket() throws Exception {
        Path proc = Path.of("/proc/sys/net/ipv4");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "not Linux");
        try (Socket socket = new Socket()) {
            assertEquals(7200, socket.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE), "two hours of silence before the first probe");
            assertEquals(75, socket.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL));
            assertEquals(9, socket.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT));
            socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, 60);
            socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);
            socket.setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT, 5);
            assertEquals(60, socket.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE));
        }
        assertEquals("6", Files.readString(proc.resolve("tcp_syn_retries")).strip(), "a SYN is sent again 6 times");
    }

    @Test
    void aNonBlockingWriteTakesWhatFitsAndThenZero() throws Exception {
        try (ServerSocketChannel listening = ServerSocketChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
             SocketChannel client = SocketChannel.open(listening.getLocalAddress());
             SocketChannel server = listening.accept()) {
            server.configureBlocking(false);
            ByteBuffer big = ByteBuffer.allocate(64 * 1024 * 1024);
            int first = server.write(big);
            assertTrue(first > 0 && first < big.capacity(), "wrote " + first);
            int n;
            int writes = 0;
            do {
                n = server.write(big);
                writes++;
            } while (n > 0 && writes < 10_000);
            assertEquals(0, n, "nobody reads: the buffers are full and write returns 0 instead of waiting");
        }
    }
}
