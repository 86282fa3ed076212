package io.socketlab.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** This JVM's own sockets, as the kernel lists them in /proc/net while they change state (Linux only). */
class SocketTableTest {
    private SocketTable table;

    @BeforeEach
    void linuxOnly() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net/tcp: not Linux");
        table = SocketTable.forThisMachine();
    }

    /** Waits (bounded) until this process's table has an entry matching {@code wanted}; returns it. */
    private SocketEntry await(Predicate<SocketEntry> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<SocketEntry> last = List.of();
        while (System.nanoTime() < deadline) {
            last = table.ofThisProcess().entries();
            for (SocketEntry entry : last) {
                if (wanted.test(entry)) {
                    return entry;
                }
            }
            Thread.yield();
        }
        throw new AssertionError("no " + what + " in " + SocketRows.lines(last));
    }

    private static Predicate<SocketEntry> on(String state, int localPort, int remotePort) {
        return e -> e.state().equals(state) && e.local().getPort() == localPort && e.remote().getPort() == remotePort;
    }

    private static ServerSocket listener(int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        server.setSoTimeout(5000);
        return server;
    }

    @Test
    void connectionsNobodyAcceptsFillTheListenersRecvQueue() throws Exception {
        try (ServerSocket server = listener(1);
             Socket first = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket second = new Socket(server.getInetAddress(), server.getLocalPort())) {
            SocketEntry listening = await(e -> e.state().equals("LISTEN") && e.local().getPort() == server.getLocalPort()
                    && e.recvQ() == 2, "listener with 2 queued");
            assertEquals(0, listening.remote().getPort());
            // both calls finished their handshake, though accept was never called
            await(on("ESTABLISHED", first.getLocalPort(), server.getLocalPort()), "first client ESTABLISHED");
            await(on("ESTABLISHED", server.getLocalPort(), second.getLocalPort()), "the server's end of the second, still queued");
            server.accept().close();
            await(e -> e.state().equals("LISTEN") && e.local().getPort() == server.getLocalPort() && e.recvQ() == 1,
                    "listener with 1 queued after one accept");
        }
    }

    @Test
    void thePeerClosedAndWeDidNotIsCloseWaitAndTheCloserWaitsInFinWait2() throws Exception {
        try (ServerSocket server = listener(5);
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket conn = server.accept()) {
            int clientPort = client.getLocalPort();
            client.close();
            await(on("CLOSE-WAIT", server.getLocalPort(), clientPort), "server end in CLOSE-WAIT");
            await(on("FIN-WAIT-2", clientPort, server.getLocalPort()), "client end in FIN-WAIT-2");
            conn.close();
            SocketEntry timeWait = await(on("TIME-WAIT", clientPort, server.getLocalPort()), "client end in TIME-WAIT");
            assertEquals(0, timeWait.inode(), "TIME-WAIT belongs to no process");
        }
    }

    @Test
    void aResetLeavesNoTimeWait() throws Exception {
        try (ServerSocket server = listener(5);
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket conn = server.accept()) {
            int clientPort = client.getLocalPort();
            client.setSoLinger(true, 0);
            client.close();
            conn.setSoTimeout(5000);
            java.net.SocketException reset = org.junit.jupiter.api.Assertions.assertThrows(java.net.SocketException.class,
                    () -> conn.getInputStream().read(), "the server's read after the client's RST");
            assertEquals("Connection reset", reset.getMessage());
            long left = table.ofThisProcess().entries().stream()
                    .filter(e -> e.local().getPort() == clientPort && e.remote().getPort() == server.getLocalPort()).count();
            assertEquals(0, left, "the client's end vanished with the RST");
            long serverEnd = table.ofThisProcess().entries().stream()
                    .filter(e -> e.local().getPort() == server.getLocalPort() && e.remote().getPort() == clientPort).count();
            assertEquals(0, serverEnd, "the server's end vanished too, though the server has not closed its socket yet");
        }
    }

    @Test
    void bytesNobodyReadsWaitInTheReceiversRecvQueue() throws Exception {
        try (ServerSocket server = listener(5);
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket conn = server.accept()) {
            client.getOutputStream().write("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            await(e -> e.state().equals("ESTABLISHED") && e.local().getPort() == server.getLocalPort()
                    && e.remote().getPort() == client.getLocalPort() && e.recvQ() == 5, "5 bytes in the server's Recv-Q");
        }
    }

    @Test
    void aJavaSocketOnLoopbackIsListedAsThisProcesssOwn() throws Exception {
        try (ServerSocket server = listener(5)) {
            SocketEntry entry = await(e -> e.state().equals("LISTEN") && e.local().getPort() == server.getLocalPort(), "our listener");
            assertTrue(entry.inode() > 0);
            assertTrue(table.all().entries().contains(entry));
            assertTrue(table.onPort(server.getLocalPort()).entries().contains(entry));
        }
    }
}
