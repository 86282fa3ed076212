package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.loop.LoopClient;
import io.socketlab.demo.sticky.PretendShell;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server halves {@code serve} runs, with raw sockets playing hostile or careless clients. */
@Timeout(60)
class ServeHalvesTest {
    private static final String LOOPBACK = "127.0.0.1";

    /** What serve printed; wakes waiters on every write. */
    private static final class Screen extends ByteArrayOutputStream {
        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }

        synchronized void await(String part) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!text().contains(part)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("never printed: " + part + "\n" + text());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** The server half of one demo on a thread, stopped and joined by close. */
    private static final class Serving implements AutoCloseable {
        final Screen screen = new Screen();
        final ServeContext context;
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        private final Thread thread;

        Serving(String demo, Reader keyboard, Duration connectionTimeout) {
            context = new ServeContext(LOOPBACK, 0, new PrintStream(screen, true, StandardCharsets.UTF_8), keyboard,
                    Messages.of("demo", Lang.EN), connectionTimeout, port::complete);
            thread = new Thread(() -> {
                try {
                    Demos.get(demo).serve(context);
                } catch (IOException stopped) {
                    // close() ended it
                }
            }, "socketlab-test-serve-" + demo);
            thread.start();
        }

        int port() throws Exception {
            return port.get(20, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            context.close();
            thread.join(20_000);
        }
    }

    private static Socket dial(int port) throws IOException {
        Socket socket = timed(new Socket());
        socket.connect(new InetSocketAddress(LOOPBACK, port), 5000);
        return socket;
    }

    private static Socket timed(Socket socket) throws IOException {
        socket.setSoTimeout(20_000);
        return socket;
    }

    @Test
    void anIdleConnectionIsHungUpOnAfterTheTimeoutAndTheNextClientIsServed() throws Exception {
        try (Serving serve = new Serving("tcp-loop", Reader.nullReader(), Duration.ofMillis(300));
             Socket idle = dial(serve.port());
             LoopClient next = new LoopClient(timed(new Socket()), LOOPBACK, serve.port())) {
            assertEquals("NEXT", next.say("next"), "the second client is answered once the first was let go");
            assertTrue(serve.screen.text().contains("client silent too long: hung up on it"), serve.screen.text());
            assertEquals(-1, idle.getInputStream().read(), "the idle client was hung up on");
        }
    }

    @Test
    void aHalfSentFrameDoesNotHoldTheFramedServerForEver() throws Exception {
        try (Serving serve = new Serving("framed", Reader.nullReader(), Duration.ofMillis(300));
             Socket half = dial(serve.port())) {
            half.getOutputStream().write(new byte[] {0, 0});
            try (Socket next = dial(serve.port())) {
                next.getOutputStream().write(new byte[] {0, 0, 0, 2, 'o', 'k'});
                assertEquals("OK", new String(next.getInputStream().readNBytes(6), StandardCharsets.UTF_8).substring(4));
            }
            serve.screen.await("no whole frame in time: hung up on the client");
        }
    }

    @Test
    void aTruncatedFrameIsLoggedPlainlyAndTheServerGoesOn() throws Exception {
        try (Serving serve = new Serving("framed", Reader.nullReader(), ServeContext.CONNECTION_TIMEOUT)) {
            try (Socket rude = dial(serve.port())) {
                rude.getOutputStream().write(new byte[] {0, 0, 0, 9, 'h', 'i'});
            }
            serve.screen.await("[server] truncated frame: the peer closed after 2 of the 9 body bytes");
            try (Socket rude = dial(serve.port())) {
                rude.getOutputStream().write(new byte[] {0, 0});
            }
            serve.screen.await("[server] truncated frame: the peer closed after 2 of the 4 header bytes");
            assertTrue(!serve.screen.text().contains("Exception"), serve.screen.text());
        }
    }

    @Test
    void serveManySwitchesToTheModelTypedAtItsTerminalOnTheSamePort() throws Exception {
        try (Serving serve = new Serving("many", new StringReader("threads\n"), ServeContext.CONNECTION_TIMEOUT)) {
            int port = serve.port();
            serve.screen.await("server model threads: a new thread for every client");
            try (Socket first = dial(port); Socket second = dial(port)) {
                first.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
                assertEquals("HELLO", new String(first.getInputStream().readNBytes(5), StandardCharsets.UTF_8));
                // the first client is still connected: a thread per client serves the second at once
                second.getOutputStream().write("hi".getBytes(StandardCharsets.UTF_8));
                assertEquals("HI", new String(second.getInputStream().readNBytes(2), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void serveFaultsAnswersAPlainLineUpperCased() throws Exception {
        try (Serving serve = new Serving("faults", Reader.nullReader(), ServeContext.CONNECTION_TIMEOUT);
             Socket client = dial(serve.port())) {
            client.getOutputStream().write("hi 你好\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("HI 你好\n", new String(client.getInputStream().readNBytes(10), StandardCharsets.UTF_8));
        }
    }

    @Test
    void serveChatAsksAgainOnAnEmptyReplyInsteadOfSendingAnEmptyDatagram() throws Exception {
        try (Serving serve = new Serving("chat", new StringReader("\nhi\n"), ServeContext.CONNECTION_TIMEOUT);
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            client.setSoTimeout(20_000);
            byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(hello, hello.length, new InetSocketAddress(LOOPBACK, serve.port())));
            DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
            client.receive(reply);
            assertEquals("hi", new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
            String screen = serve.screen.text();
            assertTrue(screen.contains("[server] message from [127.0.0.1:" + client.getLocalPort() + "]: hello"), screen);
            assertEquals(2, screen.split("Type the reply and press Enter", -1).length - 1, "asked twice: " + screen);
        }
    }

    @Test
    void serveCutsALongPayloadAsTheLiveTimelineDoes() throws Exception {
        try (Serving serve = new Serving("sticky", Reader.nullReader(), ServeContext.CONNECTION_TIMEOUT);
             Socket client = dial(serve.port())) {
            client.getOutputStream().write("dir".getBytes(StandardCharsets.UTF_8));
            serve.screen.await("bytes in all)");
            String sendall = serve.screen.text().lines().filter(l -> l.contains("sendall")).findFirst().orElseThrow();
            assertTrue(sendall.length() < 300, sendall.length() + " characters: " + sendall);
            assertTrue(sendall.endsWith("... (" + PretendShell.run("dir").length() + " bytes in all)"), sendall);
        }
    }
}
