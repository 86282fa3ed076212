package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.snippets.Loopback.KernelSocket;
import io.socketlab.snippets.Loopback.Pair;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chapters 2 and 5, checked: the accept queue, the backlog, restarts and TIME_WAIT, resets, broken pipes. */
@Timeout(60)
class TcpFactsTest {

    private static long queued(int listeningPort) {
        return Loopback.kernelSockets().stream()
                .filter(s -> s.state() == KernelSocket.LISTEN && s.localPort() == listeningPort)
                .mapToLong(KernelSocket::receiveQueue).sum();
    }

    private static Socket dial(ServerSocket server, int timeoutMillis) throws Exception {
        Socket client = new Socket();
        try {
            client.connect(server.getLocalSocketAddress(), timeoutMillis);
            return client;
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    @Test
    void aConnectionCompletesAndWaitsInTheAcceptQueueUntilAcceptTakesIt() throws Exception {
        assumeTrue(Loopback.kernelTableReadable(), "no /proc/net/tcp: the accept queue is not visible here");
        try (ServerSocket server = TcpFacts.listenWithoutAccepting(5);
             Socket client = dial(server, Loopback.WAIT_MS)) {
            client.getOutputStream().write("early".getBytes(StandardCharsets.UTF_8));
            int port = server.getLocalPort();
            Loopback.await(() -> queued(port) == 1, "one connection in the accept queue");
            server.setSoTimeout(Loopback.WAIT_MS);
            try (Socket conn = server.accept()) {
                conn.setSoTimeout(Loopback.WAIT_MS);
                assertEquals(0, queued(port));
                assertEquals("early", TcpFacts.readOnce(conn), "bytes sent before accept wait for it");
            }
        }
    }

    @Test
    void aBacklogOfFiveHoldsSixConnectionsAndTheSeventhTimesOut() throws Exception {
        assumeTrue(Loopback.kernelTableReadable(), "no /proc/net/tcp: the accept queue is not visible here");
        List<Socket> waiting = new ArrayList<>();
        try (ServerSocket server = TcpFacts.listenWithoutAccepting(5)) {
            int port = server.getLocalPort();
            try {
                for (int i = 1; i <= 6; i++) {
                    waiting.add(dial(server, Loopback.WAIT_MS));
                    long expected = i;
                    Loopback.await(() -> queued(port) == expected, expected + " queued connections");
                }
                assertThrows(SocketTimeoutException.class, () -> dial(server, 1000).close());
                assertEquals("LISTEN 6 5", ssListenRow(port), "ss -ltn: Recv-Q (queued) against Send-Q (backlog)");
            } finally {
                for (Socket socket : waiting) {
                    socket.close();
                }
            }
        }
    }

    /** State, Recv-Q and Send-Q of the listening socket on {@code port} as {@code ss -ltn} shows them. */
    private static String ssListenRow(int port) throws Exception {
        Process ss;
        try {
            ss = new ProcessBuilder("ss", "-ltn").redirectErrorStream(true).start();
        } catch (java.io.IOException missing) {
            assumeTrue(false, "ss is not installed");
            return null;
        }
        try (BufferedReader out = new BufferedReader(new InputStreamReader(ss.getInputStream(), StandardCharsets.UTF_8))) {
            assertTrue(ss.waitFor(10, TimeUnit.SECONDS));
            return out.lines().map(line -> line.trim().split("\\s+"))
                    .filter(f -> f.length >= 4 && f[3].matches("\\[?(::ffff:)?127\\.0\\.0\\.1]?:" + port))
                    .map(f -> f[0] + " " + f[1] + " " + f[2]).findFirst().orElse("no row for port " + port);
        }
    }

    @Test
    void aJavaServerSocketHasReuseAddressOnByDefaultOnLinux() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the default is Linux's");
        assertTrue(TcpFacts.reuseAddressByDefault());
    }

    private static void awaitTimeWait(int localPort, int remotePort) throws Exception {
        Loopback.await(() -> Loopback.kernelSockets().stream().anyMatch(s -> s.state() == KernelSocket.TIME_WAIT
                && s.localPort() == localPort && s.remotePort() == remotePort), "TIME_WAIT on port " + localPort);
    }

    private static boolean inTimeWait(int localPort, int remotePort) {
        return Loopback.kernelSockets().stream().anyMatch(s -> s.state() == KernelSocket.TIME_WAIT
                && s.localPort() == localPort && s.remotePort() == remotePort);
    }

    /** Closes one connection, {@code serverFirst} or the client first, and returns who keeps TIME_WAIT. */
    private static String timeWaitAfterClosing(boolean serverFirst) throws Exception {
        try (ServerSocket server = Loopback.listen()) {
            int serverPort = server.getLocalPort();
            int clientPort;
            try (Pair pair = Loopback.connect(server)) {
                clientPort = pair.client().getLocalPort();
                Socket first = serverFirst ? pair.conn() : pair.client();
                Socket second = serverFirst ? pair.client() : pair.conn();
                first.close();
                assertEquals("end of stream", TcpFacts.readOnce(second));
            }
            Loopback.await(() -> inTimeWait(serverPort, clientPort) || inTimeWait(clientPort, serverPort),
                    "a connection in TIME_WAIT");
            return inTimeWait(serverPort, clientPort) ? "server" : "client";
        }
    }

    @Test
    void timeWaitStaysWithTheServerWhenTheServerClosesFirst() throws Exception {
        assumeTrue(Loopback.kernelTableReadable(), "no /proc/net/tcp");
        assertEquals("server", timeWaitAfterClosing(true));
    }

    @Test
    void timeWaitStaysWithTheClientWhenTheClientHangsUpFirst() throws Exception {
        assumeTrue(Loopback.kernelTableReadable(), "no /proc/net/tcp");
        assertEquals("client", timeWaitAfterClosing(false));
    }

    /** Leaves {@code server}'s port in TIME_WAIT (the server hangs up first) and closes the server. */
    private static int portLeftInTimeWait() throws Exception {
        try (ServerSocket server = Loopback.listen()) {
            int port = server.getLocalPort();
            try (Pair pair = Loopback.connect(server)) {
                int clientPort = pair.client().getLocalPort();
                pair.conn().close();
                assertEquals("end of stream", TcpFacts.readOnce(pair.client()));
                pair.client().close();
                awaitTimeWait(port, clientPort);
            }
            return port;
        }
    }

    @Test
    void aRestartedJavaServerBindsAtOnceButWithoutReuseAddressItIsRefused() throws Exception {
        assumeTrue(Loopback.kernelTableReadable(), "no /proc/net/tcp");
        int port = portLeftInTimeWait();
        BindException refused = assertThrows(BindException.class, () -> TcpFacts.bindWithoutReuse(port).close());
        assertTrue(refused.getMessage().startsWith("Address already in use"), refused.getMessage());
        try (ServerSocket restarted = new ServerSocket()) {
            restarted.bind(new InetSocketAddress("127.0.0.1", port), 5);
            assertTrue(restarted.isBound());
        }
    }

    @Test
    void aRestartedPythonServerGetsErrno98UnlessItSetsReuseAddress() throws Exception {
        assumeTrue(Loopback.kernelTableReadable(), "no /proc/net/tcp");
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        int port = portLeftInTimeWait();
        String script = String.join("\n",
                "import socket, sys",
                "for reuse in (False, True):",
                "    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:",
                "        if reuse:",
                "            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
                "        try:",
                "            s.bind(('127.0.0.1', int(sys.argv[1])))",
                "            print('bound')",
                "        except OSError as e:",
                "            print(e)");
        assertEquals("[Errno 98] Address already in use\nbound", PythonRunner.run(script, String.valueOf(port)));
    }

    @Test
    void aPythonServerThatClosesWithUnreadBytesResetsTheReader() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "import select, socket",
                "with socket.create_server(('127.0.0.1', 0)) as server:",
                "    print(server.getsockname()[1], flush=True)",
                "    conn, _ = server.accept()",
                "    with conn:",
                "        select.select([conn], [], [], 5)",
                "    print('closed unread', flush=True)");
        try (PythonRunner python = PythonRunner.start(script); Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(python.line())), Loopback.WAIT_MS);
            client.setSoTimeout(Loopback.WAIT_MS);
            client.getOutputStream().write("unread".getBytes(StandardCharsets.UTF_8));
            assertEquals("closed unread", python.line());
            assertEquals("Connection reset", TcpFacts.readOnce(client));
        }
    }

    @Test
    void aJavaCloseWithUnreadBytesEndsThePeersStreamAndItsNextWriteFails() throws Exception {
        try (ServerSocket server = Loopback.listen(); Pair pair = Loopback.connect(server)) {
            pair.client().getOutputStream().write("unread".getBytes(StandardCharsets.UTF_8));
            Loopback.awaitAvailable(pair.conn().getInputStream(), 6);
            pair.conn().close();
            assertEquals("end of stream", TcpFacts.readOnce(pair.client()), "Java shuts its output down before closing");
            assertEquals("Broken pipe", TcpFacts.writeUntilRefused(pair.client(), 5));
        }
    }

    @Test
    void lingerZeroResetsTheConnection() throws Exception {
        try (ServerSocket server = Loopback.listen(); Pair pair = Loopback.connect(server)) {
            TcpFacts.hangUpAbortively(pair.conn());
            assertEquals("Connection reset", TcpFacts.readOnce(pair.client()));
        }
    }

    @Test
    void anOrdinaryCloseIsAnEndOfStreamNotAReset() throws Exception {
        try (ServerSocket server = Loopback.listen(); Pair pair = Loopback.connect(server)) {
            pair.conn().close();
            assertEquals("end of stream", TcpFacts.readOnce(pair.client()));
        }
    }

    @Test
    void writingAgainAfterThePeerClosedGetsBrokenPipe() throws Exception {
        try (ServerSocket server = Loopback.listen(); Pair pair = Loopback.connect(server)) {
            pair.conn().close();
            assertEquals("end of stream", TcpFacts.readOnce(pair.client()));
            assertEquals("Broken pipe", TcpFacts.writeUntilRefused(pair.client(), 5));
        }
    }

    @Test
    void aPeerThatSendsNothingIsOnlyNoticedByATimeout() throws Exception {
        try (ServerSocket server = Loopback.listen(); Pair pair = Loopback.connect(server)) {
            pair.client().setSoTimeout(200);
            assertEquals("timed out", TcpFacts.readOnce(pair.client()));
            assertFalse(pair.client().isClosed(), "a read timeout leaves the socket open");
        }
    }

    @Test
    void pythonsCreateServerSetsReuseAddressOnLinux() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the lesson says Linux and macOS");
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "import socket",
                "with socket.create_server(('127.0.0.1', 0)) as s:",
                "    print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)");
        assertEquals("True", PythonRunner.run(script));
    }

    /** Runs {@code script} against a server that accepts one connection and hands it to {@code hangUp}. */
    private static String pythonAgainst(String script, ThrowingHangUp hangUp) throws Exception {
        try (ServerSocket server = Loopback.listen();
             PythonRunner python = PythonRunner.start(script, String.valueOf(server.getLocalPort()))) {
            server.setSoTimeout(PythonRunner.startUpMillis());
            hangUp.accept(server.accept());
            return python.rest();
        }
    }

    @FunctionalInterface
    private interface ThrowingHangUp {
        void accept(Socket conn) throws Exception;
    }

    @Test
    void pythonReadsAResetAsConnectionResetError() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "import socket, sys",
                // on a busy machine the reset can come before connect has returned: it is the same error there
                "try:",
                "    with socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=30) as reset:",
                "        reset.recv(1024)",
                "except OSError as e:",
                "    print(type(e).__name__)");
        assertEquals("ConnectionResetError", pythonAgainst(script, TcpFacts::hangUpAbortively));
    }

    @Test
    void pythonWritingAfterTheServerClosedGetsBrokenPipeError() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "import socket, sys, time",
                "with socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=30) as closed:",
                "    print(closed.recv(1024))",
                "    try:",
                "        deadline = time.monotonic() + 5",
                "        while time.monotonic() < deadline:",
                "            closed.send(b'x')",
                "            time.sleep(0.001)   # let the reset come back",
                "    except OSError as e:",
                "        print(type(e).__name__)");
        assertEquals("b''\nBrokenPipeError", pythonAgainst(script, Socket::close));
    }
}
