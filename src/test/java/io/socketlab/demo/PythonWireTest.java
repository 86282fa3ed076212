package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.demo.chat.ChatServer;
import io.socketlab.demo.phone.PhoneClient;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.demo.udp.UdpEchoClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Our Python halves in python/ talk to our Java halves (skipped when python3 is not on PATH). */
@Execution(ExecutionMode.CONCURRENT) // each test starts its own server on a port of its own and waits on Python clients
class PythonWireTest {
    /**
     * Whether python3 is on PATH: looked up in PATH's folders, not by starting it, since a
     * {@code python3 --version} given 5 s on a busy machine timed out and skipped tests unseen.
     */
    private static boolean pythonAvailable() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (!folder.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(folder, "python3"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void pythonClientTalksToOurLoopServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        RecordingOutput out = new RecordingOutput();
        try (var session = Demos.get("tcp-loop").open(out)) {
            session.start("127.0.0.1");
            int port = Integer.parseInt(out.awaitEvent(e -> e.call().equals("bind")).detail().replaceAll(".*:", ""));
            Process python = new ProcessBuilder("python3", "python/tcp_client.py", String.valueOf(port), "hello", "你好").start();
            try (BufferedReader replies = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("HELLO", replies.readLine());
                assertEquals("你好", replies.readLine());
            } finally {
                assertTrue(python.waitFor(10, TimeUnit.SECONDS));
                python.destroy();
            }
        }
    }

    @Test
    void ourPhoneClientTalksToThePythonServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        Process python = new ProcessBuilder("python3", "python/tcp_server.py").start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(lines.readLine().trim());
            try (Socket phone = new Socket()) {
                phone.setSoTimeout(10_000);
                assertEquals("HELLO", PhoneClient.call(phone, "127.0.0.1", port, "hello"));
            }
        } finally {
            assertTrue(python.waitFor(10, TimeUnit.SECONDS));
            python.destroy();
        }
    }

    @Test
    void pythonUdpClientGetsUpperCasedRepliesFromOurUdpEchoServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        RecordingOutput out = new RecordingOutput();
        try (var session = Demos.get("udp-echo").open(out)) {
            session.start("127.0.0.1");
            TraceEvent bind = out.awaitEvent(e -> e.side() == Side.SERVER && e.call().equals("bind"));
            int port = Integer.parseInt(bind.detail().replaceAll(".*:", ""));
            Process python = new ProcessBuilder("python3", "python/udp_client.py", String.valueOf(port), "datagram", "hello 你好").start();
            try (BufferedReader replies = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("DATAGRAM", replies.readLine());
                assertEquals("HELLO 你好", replies.readLine(), "bytes.upper(): only a-z change, the bytes of 你好 pass as they are");
            } finally {
                assertTrue(python.waitFor(10, TimeUnit.SECONDS));
                python.destroy();
            }
            assertEquals(0, python.exitValue());
        }
    }

    @Test
    void ourUdpClientTalksToThePythonUdpServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        Process python = new ProcessBuilder("python3", "python/udp_server.py", "2").start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(lines.readLine().trim());
            try (UdpEchoClient client = new UdpEchoClient(udp(), "127.0.0.1", port)) {
                assertEquals("HELLO", client.say("hello"));
                assertEquals("你好 UDP", client.say("你好 udp"));
            }
        } finally {
            assertTrue(python.waitFor(10, TimeUnit.SECONDS));
            python.destroy();
        }
        assertEquals(0, python.exitValue(), "the Python server answered both datagrams and exited");
    }

    @Test
    void pythonUdpClientChatsWithOurChatServerAndAPersonAnswers() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        List<String> screen = new CopyOnWriteArrayList<>();
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        PrintStream screenStream = new PrintStream(new LineCollector(screen), true, StandardCharsets.UTF_8);
        BufferedReader person = new BufferedReader(new StringReader("收到 (1)\n\n收到 (2)\n"));
        ChatServer server = new ChatServer(screenStream, person);
        Thread serving = new Thread(() -> {
            try {
                server.serve(socket);
            } catch (Exception e) {
                screen.add("failed: " + e);
            }
        }, "chat-server-under-test");
        serving.start();
        try {
            Process python = new ProcessBuilder("python3", "python/udp_client.py", String.valueOf(socket.getLocalPort()), "你好", "bye").start();
            try (BufferedReader replies = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("收到 (1)", replies.readLine());
                assertEquals("收到 (2)", replies.readLine());
            } finally {
                assertTrue(python.waitFor(10, TimeUnit.SECONDS));
                python.destroy();
            }
            assertEquals(0, python.exitValue());
            assertEquals(2, screen.size(), screen.toString());
            assertTrue(screen.get(0).matches("message from \\[127\\.0\\.0\\.1:\\d+\\]: 你好"), screen.get(0));
        } finally {
            socket.close();
            serving.join(20_000);
        }
        assertTrue(!serving.isAlive(), "closing the socket ends the chat server");
    }

    /** One of chapter 9's servers, or chapter 10's, written as {@code serve(host, port, onListening)}. */
    interface Serving {
        void serve(String host, int port, java.util.function.Consumer<java.io.Closeable> onListening) throws Exception;
    }

    /** Starts {@code server} on 127.0.0.1, port 0, runs the Python script against it, returns its lines; stops the server. */
    private static List<String> pythonAgainst(Serving server, String script, String... args) throws Exception {
        java.util.concurrent.CompletableFuture<java.io.Closeable> listening = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger port = new java.util.concurrent.atomic.AtomicInteger();
        Thread serving = new Thread(() -> {
            try {
                server.serve("127.0.0.1", 0, socket -> {
                    port.set(socket instanceof java.net.ServerSocket s ? s.getLocalPort()
                            : ((java.nio.channels.ServerSocketChannel) socket).socket().getLocalPort());
                    listening.complete(socket);
                });
            } catch (Exception e) {
                listening.completeExceptionally(e);
            }
        }, "server-under-test");
        serving.setDaemon(true);
        serving.start();
        java.io.Closeable socket = listening.get(10, TimeUnit.SECONDS);
        try {
            List<String> command = new java.util.ArrayList<>(List.of("python3", script, String.valueOf(port.get())));
            command.addAll(List.of(args));
            Process python = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> printed = java.util.concurrent.CompletableFuture.supplyAsync(() -> lines.lines().toList()).get(30, TimeUnit.SECONDS);
                assertTrue(python.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, python.exitValue(), String.join("\n", printed));
                return printed;
            } finally {
                python.destroyForcibly();
            }
        } finally {
            socket.close();
            serving.join(10_000);
        }
    }

    @Test
    void pythonClientsConnectedAtOnceAreAllAnsweredByAThreadPerClientOrASelector() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        List<String> answered = List.of("client 1: HELLO FROM CLIENT 1", "client 2: HELLO FROM CLIENT 2", "client 3: HELLO FROM CLIENT 3",
                "client 4: HELLO FROM CLIENT 4", "client 5: HELLO FROM CLIENT 5");
        javax.net.ServerSocketFactory sockets = javax.net.ServerSocketFactory.getDefault();
        assertEquals(answered, pythonAgainst((host, port, on) -> new io.socketlab.demo.many.ThreadPerClientServer(sockets, log -> { })
                .serve(host, port, on::accept), "python/many_clients.py", "5"));
        try (io.socketlab.demo.many.SelectorServer selector = new io.socketlab.demo.many.SelectorServer(log -> { })) {
            assertEquals(answered, pythonAgainst((host, port, on) -> selector.serve(host, port, on::accept), "python/many_clients.py", "5"));
        }
    }

    @Test
    void aServerThatServesOneClientAtATimeKeepsThePythonClientsAfterTheFirstWaiting() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        javax.net.ServerSocketFactory sockets = javax.net.ServerSocketFactory.getDefault();
        List<String> printed = pythonAgainst((host, port, on) -> new io.socketlab.demo.many.OneAtATimeServer(sockets, log -> { })
                .serve(host, port, on::accept), "python/many_clients.py", "3");
        // which client is accepted first is the kernel's order of arrival: one is answered, two wait
        assertEquals(1, printed.stream().filter(line -> line.matches("client \\d: HELLO FROM CLIENT \\d")).count(), printed.toString());
        assertEquals(2, printed.stream().filter(line -> line.endsWith(": no answer within 2 s")).count(), printed.toString());
    }

    @Test
    void aPythonClientMeetsChapter10sFailuresAsTheExceptionsTheLessonNames() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        javax.net.ServerSocketFactory sockets = javax.net.ServerSocketFactory.getDefault();
        List<String> printed = pythonAgainst((host, port, on) -> new io.socketlab.demo.faults.FaultServer(sockets, log -> { })
                .serve(host, port, on::accept), "python/faults_client.py");
        assertEquals(6, printed.size(), printed.toString());
        assertEquals("hello -> HELLO", printed.get(0));
        assertEquals("silent -> TimeoutError", printed.get(1), "lesson 10's table: socket.timeout (TimeoutError)");
        assertEquals("closed-port -> ConnectionRefusedError 111", printed.get(2), "lesson 10's table: ConnectionRefusedError, ECONNREFUSED 111");
        // backlog 1: Linux queues two finished handshakes, so the third connect waits for an answer that never comes
        assertEquals("full-port -> TimeoutError after 2 connections", printed.get(3));
        assertEquals("reset -> ConnectionResetError 104", printed.get(4), "lesson 10's table: ConnectionResetError, ECONNRESET 104");
        assertEquals("pipe -> BrokenPipeError 32", printed.get(5), "lesson 10's table: BrokenPipeError, EPIPE 32");
    }

    private static DatagramSocket udp() throws java.net.SocketException {
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(0));
        udp.setSoTimeout(10_000);
        return udp;
    }

    /** The lines printed to a stream, one list entry each. */
    private static final class LineCollector extends java.io.OutputStream {
        private final List<String> lines;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineCollector(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
