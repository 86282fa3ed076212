package io.socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code connect NAME}, the client half, as a learner in a second terminal meets it: a banner and a
 * prompt at a terminal, and once the server has answered the call, a failure that says what went
 * wrong (no reply in time, a broken frame) instead of "Cannot reach ... Is the server running?".
 */
@Timeout(60)
class ConnectCommandTest {
    private final Map<String, String> env = new HashMap<>(Map.of("LANG", "en_US.UTF-8", "SOCKETLAB_HOME", "."));
    private ServerSocket listening;
    private Thread server;
    private String out;
    private String err;

    /** What the server half does with each connection it accepts. */
    private interface Conversation {
        void talk(Socket conn) throws IOException;
    }

    private int serve(Conversation conversation) throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server = new Thread(() -> {
            try (Socket conn = listening.accept()) {
                conn.setSoTimeout(20_000);
                conversation.talk(conn);
            } catch (IOException stopped) {
                // the test is over, or the client hung up
            }
        }, "connect-test-server");
        server.start();
        return listening.getLocalPort();
    }

    @AfterEach
    void stopTheServer() throws Exception {
        if (listening != null) {
            listening.close();
        }
        if (server != null) {
            server.join(TimeUnit.SECONDS.toMillis(20));
            assertFalse(server.isAlive(), "the test's server thread is still running");
        }
    }

    private int connect(boolean tty, String typed, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Terminals terminals = new Terminals() {
            @Override
            public boolean stdoutIsTerminal() {
                return tty;
            }

            @Override
            public Terminal open() {
                throw new AssertionError("connect reads lines; it opens no terminal");
            }

            @Override
            public InputStream stdin() {
                return new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8));
            }
        };
        String[] command = new String[args.length + 1];
        command[0] = "connect";
        System.arraycopy(args, 0, command, 1, args.length);
        int code = Main.run(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                env, terminals, command);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    /** The tcp-loop server's answer: every byte back, a-z in capitals, until the client hangs up. */
    private static void upperCaseEverything(Socket conn) throws IOException {
        InputStream in = conn.getInputStream();
        OutputStream reply = conn.getOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            reply.write(b >= 'a' && b <= 'z' ? b - 'a' + 'A' : b);
        }
    }

    @Test
    void atATerminalTheBannerComesFirstAndThePromptBeforeEachLine() throws Exception {
        int port = serve(ConnectCommandTest::upperCaseEverything);
        assertEquals(0, connect(true, "hello\nquit\n", "tcp-loop", "--port", String.valueOf(port)), err);
        String banner = "[client] connected to 127.0.0.1:" + port + " (TCP). Type lines; quit or Ctrl-D to end.\n";
        assertTrue(out.contains(banner), out);
        assertTrue(out.contains(banner + "client> [client] sendall 5 bytes \"hello\""),
                "the prompt comes after the banner, before the first line is sent:\n" + out);
        assertTrue(out.contains("[client] reply: HELLO\nclient> "), "and again for the next line:\n" + out);
    }

    @Test
    void pipedLinesGetTheBannerButNoPrompt() throws Exception {
        int port = serve(ConnectCommandTest::upperCaseEverything);
        assertEquals(0, connect(false, "hello\n", "tcp-loop", "--port", String.valueOf(port)), err);
        assertTrue(out.contains("[client] connected to 127.0.0.1:" + port), out);
        assertTrue(out.contains("[client] reply: HELLO"), out);
        assertFalse(out.contains("client> "), out);
    }

    @Test
    void aChineseTerminalGetsTheChinesePrompt() throws Exception {
        int port = serve(ConnectCommandTest::upperCaseEverything);
        assertEquals(0, connect(true, "hello\n", "--lang", "zh", "tcp-loop", "--port", String.valueOf(port)), err);
        assertTrue(out.contains("客户端> "), out);
    }

    @Test
    void aServerThatAnswersTheCallButNeverRepliesIsNoReplyNotCannotReach() throws Exception {
        int port = serve(conn -> {
            conn.getInputStream().readNBytes(5);
            // never replies; waits for the client to hang up
            conn.getInputStream().read();
        });
        assertEquals(1, connect(false, "hello\n", "tcp-loop", "--port", String.valueOf(port), "--timeout", "1"));
        assertTrue(err.contains("[client] no reply within 1 s: the server may still be busy with another client"), err);
        assertFalse(err.contains("Cannot reach"), err);
    }

    @Test
    void aBrokenFrameIsSaidToBeOneNotCannotReach() throws Exception {
        int port = serve(conn -> {
            conn.getInputStream().readNBytes(9);
            // two of the four header bytes, then hang up
            conn.getOutputStream().write(new byte[] {0, 0});
        });
        assertEquals(1, connect(false, "hello\n", "framed", "--port", String.valueOf(port)));
        assertTrue(err.contains("[client] the server's reply is not a whole frame"), err);
        assertTrue(err.contains("2 of the 4 header bytes"), err);
        assertFalse(err.contains("Cannot reach"), err);
    }

    @Test
    void nobodyListeningIsCannotReachAndNamesTheServeCommand() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        assertEquals(1, connect(false, "hello\n", "tcp-loop", "--port", String.valueOf(port)));
        assertTrue(err.startsWith("Cannot reach 127.0.0.1:" + port + ": Connection refused"), err);
        assertTrue(err.contains("./socketlab serve tcp-loop"), err);
    }
}
