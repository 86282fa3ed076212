package io.socketlab.testkit;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class RecordingClientTest {

    @Test
    void logsWhatWasSentAndReceived() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> {
            try (Socket s = listening.accept()) {
                InputStream in = s.getInputStream();
                byte[] b = in.readNBytes(5);
                s.getOutputStream().write(new String(b, StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8));
            }
        }); RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hello");
            assertEquals("HELLO", client.expectReply("HELLO"));
            assertTrue(client.log().contains("[client] sent \"hello\" (5 bytes)"), client.log());
            assertTrue(client.log().contains("[client] received \"HELLO\" (5 bytes)"), client.log());
        }
    }

    @Test
    void aOneByteExchangeIsLoggedAsOneByte() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> {
            try (Socket s = listening.accept()) {
                int b = s.getInputStream().read();
                s.getOutputStream().write(Character.toUpperCase(b));
            }
        }); RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("a");
            assertEquals("A", client.expectReply("A"));
            assertTrue(client.log().contains("[client] sent \"a\" (1 byte)"), client.log());
            assertTrue(client.log().contains("[client] received \"A\" (1 byte)"), client.log());
        }
    }

    @Test
    void expectReplyFailsWhenTheServerClosesWithoutReplying() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> listening.accept().close());
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hello");
            AssertionError failure = assertThrows(AssertionError.class, () -> client.expectReply("HELLO"));
            assertTrue(failure.getMessage().contains("received nothing"), failure.getMessage());
            assertTrue(failure.getMessage().contains("[client] sent \"hello\""), failure.getMessage());
        }
    }

    @Test
    void aReplyWaitEndsAtOnceWhenTheServerCodeHasThrownAndSaysSo() throws Exception {
        java.util.List<Socket> leftOpen = new java.util.ArrayList<>();
        // the server takes the call, leaves it open and throws: no reply can come, and the 5 s wait must not be sat out
        try (ServerRunner server = ServerRunner.start(listening -> {
            leftOpen.add(listening.accept());
            throw new IllegalStateException("write this method");
        }); RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hello");
            AssertionError failure = assertThrows(AssertionError.class, () -> client.expectReply("HELLO"));
            assertTrue(failure.getMessage().startsWith("expected \"HELLO\" but received nothing, and none will come: your server code threw"),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("[client] stopped waiting: the server code has thrown"), failure.getMessage());
            assertTrue(failure.getMessage().contains("IllegalStateException: write this method"), failure.getMessage());
        } finally {
            for (Socket socket : leftOpen) {
                socket.close();
            }
        }
    }

    @Test
    void readUntilClosedNeverPassesOnNothing() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> listening.accept().close());
             RecordingClient client = RecordingClient.connect(server.port())) {
            AssertionError failure = assertThrows(AssertionError.class, client::readUntilClosed);
            assertTrue(failure.getMessage().contains("[client] received nothing before the connection closed"), failure.getMessage());
        }
    }

    @Test
    void reportsASilentServerWithTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RecordingClient client = RecordingClient.connect(silent.getLocalPort(), 200)) {
            AssertionError failure = assertThrows(AssertionError.class, client::expectSomeReply);
            assertTrue(failure.getMessage().contains("[client] no reply within 0.2 s"), failure.getMessage());
        }
    }

    @Test
    void quotesControlCharactersOnOneLine() {
        byte[] bytes = "a\nb\"c".getBytes(StandardCharsets.UTF_8);
        assertEquals("\"a\\nb\\\"c\"", RecordingClient.quote(bytes, bytes.length));
    }

    @Test
    void connectFailsClearlyWhenNobodyListens() throws Exception {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        AssertionError failure = assertThrows(AssertionError.class, () -> RecordingClient.connect(port));
        assertTrue(failure.getMessage().contains("nobody accepted a connection on 127.0.0.1:" + port), failure.getMessage());
    }

}
