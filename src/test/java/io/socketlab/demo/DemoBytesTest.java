package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.framed.FramedClient;
import io.socketlab.demo.framed.FramedServer;
import io.socketlab.demo.framed.LengthPrefixFraming;
import io.socketlab.demo.live.SideConsole;
import io.socketlab.demo.loop.LoopClient;
import io.socketlab.demo.loop.LoopServer;
import io.socketlab.demo.phone.PhoneServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.demo.trace.TracedDatagramSocket;
import io.socketlab.demo.trace.TracedServerSocket;
import io.socketlab.demo.trace.TracedSocket;
import io.socketlab.demo.udp.UdpEchoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demos answer byte for byte what the article's Python servers answer ({@code bytes.upper()} of
 * what recv returned: a-z only, every other byte untouched), whatever the reads split and whatever
 * the default locale; and the trace shows the calls the code really makes.
 */
@Timeout(60)
class DemoBytesTest {
    private static final String LOOPBACK = "127.0.0.1";

    /** Python's bytes.upper(): a-z to A-Z, everything else as it is. */
    private static byte[] pythonUpper(byte[] data) {
        byte[] out = data.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'a' && out[i] <= 'z') {
                out[i] -= 32;
            }
        }
        return out;
    }

    private static Socket dial(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(LOOPBACK, port), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Runs {@code body} on a thread; {@link #close} closes {@code socket} and joins the thread. */
    private record Running(Thread thread, AutoCloseable socket) implements AutoCloseable {
        static Running start(AutoCloseable socket, IoBody body) {
            Thread thread = new Thread(() -> {
                try {
                    body.run();
                } catch (IOException stopped) {
                    // the test closed the socket
                }
            }, "socketlab-test-server");
            thread.start();
            return new Running(thread, socket);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(20_000);
        }
    }

    @FunctionalInterface
    private interface IoBody {
        void run() throws IOException;
    }

    private static Socket timed() throws java.net.SocketException {
        Socket socket = new Socket();
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static ServerSocket listening() throws IOException {
        return new ServerSocket(0, 5, InetAddress.getByName(LOOPBACK));
    }

    @Test
    void theLoopServerReturnsAll1029BytesIntactFor1023LettersAndTwoChineseCharacters() throws Exception {
        byte[] sent = ("a".repeat(1023) + "你好").getBytes(StandardCharsets.UTF_8);
        assertEquals(1029, sent.length);
        ServerSocket phone = listening();
        RecordingOutput out = new RecordingOutput();
        try (Running server = Running.start(phone, () -> new LoopServer(SideConsole.of(out, Side.SERVER)).serve(phone));
             Socket client = dial(phone.getLocalPort())) {
            client.getOutputStream().write(sent);
            byte[] back = client.getInputStream().readNBytes(sent.length);
            client.shutdownOutput();
            assertEquals(-1, client.getInputStream().read(), "nothing more than the 1,029 bytes comes back");
            assertArrayEquals(pythonUpper(sent), back);
            assertTrue(new String(back, StandardCharsets.UTF_8).endsWith("你好"));
        }
    }

    @Test
    void aCharacterSplitAcrossTwoReadsOfTheLoopServerComesBackWhole() throws Exception {
        byte[] ni = "你".getBytes(StandardCharsets.UTF_8);
        RecordingOutput out = new RecordingOutput();
        TracedServerSocket phone = new TracedServerSocket(out, 0);
        phone.bind(new InetSocketAddress(LOOPBACK, 0), 5);
        try (Running server = Running.start(phone, () -> new LoopServer(SideConsole.of(out, Side.SERVER)).serve(phone));
             Socket client = dial(phone.getLocalPort())) {
            client.getOutputStream().write(ni, 0, 1);
            out.awaitEvent(e -> e.side() == Side.SERVER && e.call().equals("recv") && e.data().length == 1);
            client.getOutputStream().write(ni, 1, 2);
            assertArrayEquals(ni, client.getInputStream().readNBytes(3));
        }
    }

    @Test
    void theLoopClientDecodesAReplySplitInsideACharacterWhole() throws Exception {
        byte[] reply = "你好".getBytes(StandardCharsets.UTF_8);
        RecordingOutput out = new RecordingOutput();
        try (ServerSocket fake = listening()) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Socket conn = fake.accept()) {
                    conn.getInputStream().readNBytes(reply.length);
                    OutputStream toClient = conn.getOutputStream();
                    toClient.write(reply, 0, 4);
                    out.awaitEvent(e -> e.side() == Side.CLIENT && e.call().equals("recv") && e.data().length == 4);
                    toClient.write(reply, 4, 2);
                    conn.getInputStream().read();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Socket socket = new TracedSocket(Side.CLIENT, out);
            socket.setSoTimeout(10_000);
            try (LoopClient client = new LoopClient(socket, LOOPBACK, fake.getLocalPort())) {
                assertEquals("你好", client.say("你好"), "the 4 + 2 bytes make one string, no U+FFFD");
            }
            served.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void theOneReadPhoneServerRepliesWithExactlyTheBytesOfItsOneRead() throws Exception {
        byte[] sent = ("a".repeat(1023) + "你好").getBytes(StandardCharsets.UTF_8);
        ServerSocket phone = new ServerSocket();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<byte[]> heard = CompletableFuture.supplyAsync(() -> {
            try {
                return PhoneServer.answerOnce(phone, LOOPBACK, 0, port::complete);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (Socket client = dial(port.get(20, TimeUnit.SECONDS))) {
            client.getOutputStream().write(sent);
            byte[] back = client.getInputStream().readAllBytes();
            byte[] read = heard.get(20, TimeUnit.SECONDS);
            assertTrue(read.length >= 1 && read.length <= 1024, "one read of at most 1024 bytes: " + read.length);
            assertArrayEquals(pythonUpper(read), back, "the reply is the bytes of that one read, upper-cased, nothing added");
            assertArrayEquals(Arrays.copyOf(sent, read.length), read);
        } finally {
            phone.close();
        }
    }

    @Test
    void theUdpServerUpperCasesOnlyAsciiLettersLikeBytesUpper() throws Exception {
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
             Running running = Running.start(server, () -> UdpEchoServer.serve(server));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            client.setSoTimeout(10_000);
            byte[] sent = "straße é ñ 你好 hi".getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(sent, sent.length, server.getLocalSocketAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
            client.receive(reply);
            byte[] back = Arrays.copyOf(reply.getData(), reply.getLength());
            assertArrayEquals(pythonUpper(sent), back);
            assertEquals("STRAßE é ñ 你好 HI", new String(back, StandardCharsets.UTF_8));
        }
    }

    @Test
    void underATurkishDefaultLocaleHiStillComesBackAsHI() throws Exception {
        assertEquals("Hİ", "hi".toUpperCase(Locale.forLanguageTag("tr")), "what an unqualified toUpperCase would answer");
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr"));
        try {
            ServerSocket phone = listening();
            RecordingOutput out = new RecordingOutput();
            try (Running server = Running.start(phone, () -> new LoopServer(SideConsole.of(out, Side.SERVER)).serve(phone));
                 LoopClient client = new LoopClient(timed(), LOOPBACK, phone.getLocalPort())) {
                assertEquals("HI", client.say("hi"));
            }
            ServerSocket framedPhone = listening();
            try (Running server = Running.start(framedPhone,
                    () -> new FramedServer(SideConsole.of(out, Side.SERVER), 1024).serve(framedPhone));
                 FramedClient client = new FramedClient(timed(), LOOPBACK, framedPhone.getLocalPort())) {
                assertEquals("HI", client.say("hi"));
            }
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void noMainSourceUpperCasesWithoutALocale() throws IOException {
        Pattern bare = Pattern.compile("\\.toUpperCase\\(\\)|\\.toLowerCase\\(\\)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = bare.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(file + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found, "Turkish locale: \"hi\".toUpperCase() is \"Hİ\"");
    }

    @Test
    void aFrameHeaderShowsAsOneReadOfFourBytesAndTheEndOfStreamOnce() throws Exception {
        RecordingOutput out = new RecordingOutput();
        TracedServerSocket phone = new TracedServerSocket(out, 0);
        phone.bind(new InetSocketAddress(LOOPBACK, 0), 5);
        try (Running server = Running.start(phone, () -> new FramedServer(SideConsole.of(out, Side.SERVER), 1024).serve(phone))) {
            try (FramedClient client = new FramedClient(timed(), LOOPBACK, phone.getLocalPort())) {
                assertEquals("ABC", client.say("abc"));
            }
            out.awaitLine(l -> l.equals("SERVER: client left"));
        }
        List<String> reads = out.events().stream()
                .filter(e -> e.side() == Side.SERVER && e.call().equals("recv")).map(TraceEvent::detail).toList();
        assertEquals(List.of("4 of 4 bytes", "3 of 3 bytes", "0 bytes (peer closed)"), reads);
    }

    @Test
    void aTruncatedHeaderOrBodyIsAnEofSayingHowFarItGotAndACleanCloseIsNull() throws IOException {
        assertEquals(null, LengthPrefixFraming.read(InputStream.nullInputStream(), 1024));
        java.io.EOFException header = org.junit.jupiter.api.Assertions.assertThrows(java.io.EOFException.class,
                () -> LengthPrefixFraming.read(new java.io.ByteArrayInputStream(new byte[] {0, 0}), 1024));
        assertEquals("the peer closed after 2 of the 4 header bytes", header.getMessage());
        java.io.EOFException body = org.junit.jupiter.api.Assertions.assertThrows(java.io.EOFException.class,
                () -> LengthPrefixFraming.read(new java.io.ByteArrayInputStream(new byte[] {0, 0, 0, 5, 'h', 'i'}), 1024));
        assertEquals("the peer closed after 2 of the 5 body bytes", body.getMessage());
    }

    @Test
    void aUdpClientOnAnImplicitPortShowsAnIpv4BindAddressAndOneByteIsSingular() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DatagramSocket client = new TracedDatagramSocket(Side.CLIENT, out, null);
             DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            client.send(new DatagramPacket(new byte[] {'x'}, 1, server.getLocalSocketAddress()));
        }
        TraceEvent bind = out.awaitEvent(e -> e.call().equals("bind"));
        assertTrue(bind.detail().matches("0\\.0\\.0\\.0:\\d+"), bind.detail());
        TraceEvent send = out.awaitEvent(e -> e.call().equals("sendto"));
        assertTrue(send.detail().startsWith("1 byte to 127.0.0.1:"), send.detail());
    }

    @Test
    void aOneByteWriteIsTracedAsOneByte() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (ServerSocket phone = listening(); Socket client = new TracedSocket(Side.CLIENT, out)) {
            client.connect(phone.getLocalSocketAddress());
            client.getOutputStream().write('x');
        }
        assertEquals("1 byte", out.awaitEvent(e -> e.call().equals("sendall")).detail());
    }

    @Test
    void serverLinesPrintedToTheConsoleArriveAsWholeLines() {
        RecordingOutput out = new RecordingOutput();
        SideConsole.of(out, Side.SERVER).println("message from [127.0.0.1:1]: 你好");
        assertEquals(List.of("SERVER: message from [127.0.0.1:1]: 你好"), out.lines());
    }
}
