package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs every snippet the lessons include, so the text cannot lie. */
class SnippetsTest {

    private static final int WAIT_MS = 5000;

    private ExecutorService peer;

    @BeforeEach
    void startPeer() {
        peer = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopPeer() throws InterruptedException {
        peer.shutdownNow();
        assertTrue(peer.awaitTermination(WAIT_MS, TimeUnit.MILLISECONDS));
    }

    @Test
    void listenBindsLoopbackOnAFreePortWithReuseAddress()
            throws IOException {
        try (ServerSocket server = ApiTour.listen()) {
            assertTrue(server.isBound());
            assertTrue(server.getLocalPort() > 0);
            assertEquals("127.0.0.1",
                    server.getInetAddress().getHostAddress());
            assertTrue(server.getReuseAddress());
        }
    }

    /** One call from PhoneCallClient to PhoneCallServer; returns the reply. */
    private String phoneCall(String message) throws Exception {
        try (ServerSocket server = ApiTour.listen()) {
            server.setSoTimeout(WAIT_MS);
            Future<?> answered = peer.submit(() -> {
                PhoneCallServer.answerOneCall(server);
                return null;
            });
            String reply = PhoneCallClient.call("127.0.0.1",
                    server.getLocalPort(), message);
            answered.get(WAIT_MS, TimeUnit.MILLISECONDS);
            return reply;
        }
    }

    @Test
    void thePhoneCallClientHearsItsMessageInCapitals() throws Exception {
        assertEquals("HELLO", phoneCall("hello"));
    }

    @Test
    void theServerUpperCasesOnlyAsciiLettersAndKeepsEveryOtherByte()
            throws Exception {
        assertEquals("HI CAFé STRAßE 你好", phoneCall("hi café straße 你好"));
    }

    @Test
    void probeSaysOpenWhenListeningAndRefusedWhenNot() throws Exception {
        InetSocketAddress address;
        try (ServerSocket server = ApiTour.listen()) {
            address = new InetSocketAddress("127.0.0.1",
                    server.getLocalPort());
            assertEquals("open", ApiTour.probe(address));
        }
        assertEquals("refused", ApiTour.probe(address));
    }

    @Test
    void endsShowTheLocalAddressThenThePeerAddress() throws Exception {
        try (ServerSocket server = ApiTour.listen();
             Socket client = new Socket()) {
            server.setSoTimeout(WAIT_MS);
            client.connect(server.getLocalSocketAddress(), WAIT_MS);
            try (Socket conn = server.accept()) {
                String expected = "/127.0.0.1:" + client.getLocalPort()
                        + " -> /127.0.0.1:" + server.getLocalPort();
                assertEquals(expected, ApiTour.ends(client));
                assertEquals(conn.getRemoteSocketAddress(),
                        client.getLocalSocketAddress());
            }
        }
    }

    @Test
    void tuneSetsNoDelayTimeoutAndKeepAlive() throws Exception {
        try (ServerSocket server = ApiTour.listen();
             Socket client = new Socket()) {
            server.setSoTimeout(WAIT_MS);
            client.connect(server.getLocalSocketAddress(), WAIT_MS);
            try (Socket conn = server.accept()) {
                int rcvbuf = ApiTour.tune(client);
                assertTrue(rcvbuf > 0);
                assertTrue(client.getTcpNoDelay());
                assertEquals(5000, client.getSoTimeout());
                assertTrue(client.getOption(
                        StandardSocketOptions.SO_KEEPALIVE));
            }
        }
    }

    @Test
    void sendOnceTakesOnlyPartWhenThePeerIsNotReading() throws Exception {
        // Larger than the send buffer plus the peer's receive buffer
        // can grow to (Linux caps them at 4 MiB and 6-32 MiB), so one
        // non-blocking write cannot take it all.
        int size = 64 * 1024 * 1024;
        try (ServerSocket server = ApiTour.listen();
             SocketChannel channel = SocketChannel.open(
                     server.getLocalSocketAddress())) {
            server.setSoTimeout(WAIT_MS);
            try (Socket conn = server.accept()) {
                channel.configureBlocking(false);
                ByteBuffer data = ByteBuffer.allocate(size);
                int taken = ApiTour.sendOnce(channel, data);
                assertTrue(taken > 0, "took nothing");
                assertTrue(taken < size, "took all " + taken);
                assertEquals(taken, data.position());
            }
        }
    }

    @Test
    void aBlockingChannelWriteTakesEveryByteInOneCall() throws Exception {
        byte[] payload = pattern(16 * 1024 * 1024);
        try (ServerSocket server = ApiTour.listen();
             SocketChannel channel = SocketChannel.open(
                     server.getLocalSocketAddress())) {
            server.setSoTimeout(WAIT_MS);
            try (Socket conn = server.accept()) {
                conn.setSoTimeout(WAIT_MS);
                Future<byte[]> received = peer.submit(
                        () -> readExactly(conn.getInputStream(), payload.length));
                ByteBuffer data = ByteBuffer.wrap(payload);
                assertEquals(payload.length, ApiTour.writeBlocking(channel, data));
                assertFalse(data.hasRemaining());
                assertArrayEquals(payload,
                        received.get(WAIT_MS, TimeUnit.MILLISECONDS));
            }
        }
    }

    @Test
    void waitingForOpWriteSendsEverythingWithoutAWastedWrite()
            throws Exception {
        byte[] payload = pattern(16 * 1024 * 1024);
        try (ServerSocket server = ApiTour.listen();
             SocketChannel channel = SocketChannel.open(
                     server.getLocalSocketAddress())) {
            server.setSoTimeout(WAIT_MS);
            try (Socket conn = server.accept()) {
                conn.setSoTimeout(WAIT_MS);
                channel.configureBlocking(false);
                Future<byte[]> received = peer.submit(
                        () -> readExactly(conn.getInputStream(), payload.length));
                ByteBuffer data = ByteBuffer.wrap(payload);
                assertEquals(0, ApiTour.writeWhenWritable(channel, data),
                        "a write after select() found no room");
                assertFalse(data.hasRemaining());
                assertArrayEquals(payload,
                        received.get(WAIT_MS, TimeUnit.MILLISECONDS));
            }
        }
    }

    @Test
    void pythonSendTakesOnlyPartOnceATimeoutIsSet() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        int size = 16 * 1024 * 1024;
        try (ServerSocket server = ApiTour.listen()) {
            server.setSoTimeout(PythonRunner.startUpMillis());
            String script = String.join("\n",
                    "import socket, sys",
                    "with socket.create_connection(('127.0.0.1', int(sys.argv[1]))) as s:",
                    "    s.settimeout(5)",
                    "    print(s.send(bytes(" + size + ")), flush=True)",
                    "    sys.stdin.read()");
            try (PythonRunner python = PythonRunner.start(script,
                    String.valueOf(server.getLocalPort()));
                 Socket conn = server.accept()) {
                long sent = Long.parseLong(python.line());
                assertTrue(sent > 0 && sent < size,
                        "send took " + sent + " of " + size);
            }
        }
    }

    @Test
    void pythonSendWithoutATimeoutWaitsUntilEverythingIsTaken() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        int size = 16 * 1024 * 1024;
        try (ServerSocket server = ApiTour.listen()) {
            server.setSoTimeout(PythonRunner.startUpMillis());
            String script = String.join("\n",
                    "import socket, sys",
                    "with socket.socket() as s:",
                    "    s.connect(('127.0.0.1', int(sys.argv[1])))",
                    "    print(s.send(bytes(" + size + ")), flush=True)");
            try (PythonRunner python = PythonRunner.start(script,
                    String.valueOf(server.getLocalPort()));
                 Socket conn = server.accept()) {
                conn.setSoTimeout(WAIT_MS);
                Future<byte[]> drained = peer.submit(
                        () -> readExactly(conn.getInputStream(), size));
                assertEquals(String.valueOf(size), python.line());
                drained.get(WAIT_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Test
    void pythonsStarImportGivesTheShortNames() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "from socket import *",
                "with socket(AF_INET, SOCK_STREAM) as stream, socket(AF_INET, SOCK_DGRAM) as postbox:",
                "    print(stream.type.name, postbox.type.name)");
        assertEquals("SOCK_STREAM SOCK_DGRAM",
                PythonRunner.run(script));
    }

    private static byte[] pattern(int size) {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) (i * 31 + 7);
        }
        return payload;
    }

    @Test
    void chatLineSendsALineAndReadsTheReplyLine() throws Exception {
        try (ServerSocket server = ApiTour.listen();
             Socket client = new Socket()) {
            server.setSoTimeout(WAIT_MS);
            client.connect(server.getLocalSocketAddress(), WAIT_MS);
            client.setSoTimeout(WAIT_MS);
            try (Socket conn = server.accept()) {
                conn.setSoTimeout(WAIT_MS);
                Future<?> echo = peer.submit(() -> {
                    byte[] line = readExactly(conn.getInputStream(),
                            "你好\n".getBytes(StandardCharsets.UTF_8).length);
                    OutputStream out = conn.getOutputStream();
                    out.write(new String(line, StandardCharsets.UTF_8)
                            .replace("你好", "好的")
                            .getBytes(StandardCharsets.UTF_8));
                    return null;
                });
                assertEquals("好的", ApiTour.chatLine(client, "你好"));
                echo.get(WAIT_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Test
    void datagramComesBackUpperCasedFromTheServer() throws Exception {
        try (DatagramSocket server = new DatagramSocket(
                     new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket client = new DatagramSocket(
                     new InetSocketAddress("127.0.0.1", 0))) {
            server.setSoTimeout(WAIT_MS);
            client.setSoTimeout(WAIT_MS);
            Future<byte[]> heard = peer.submit(
                    () -> ApiTour.echoDatagram(server));
            String reply = ApiTour.askDatagram(client,
                    server.getLocalSocketAddress(), "hello udp");
            assertEquals("HELLO UDP", reply);
            assertEquals("hello udp", new String(
                    heard.get(WAIT_MS, TimeUnit.MILLISECONDS),
                    StandardCharsets.UTF_8));
        }
    }

    private static byte[] readExactly(InputStream in, int size)
            throws IOException {
        byte[] all = new byte[size];
        int filled = 0;
        while (filled < size) {
            int n = in.read(all, filled, size - filled);
            if (n < 0) {
                throw new IOException("closed after " + filled + " bytes");
            }
            filled += n;
        }
        return all;
    }
}
