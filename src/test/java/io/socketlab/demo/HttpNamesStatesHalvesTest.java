package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.inspect.SocketEntry;
import io.socketlab.inspect.SocketTable;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve} and {@code connect} of http, names and states as the lessons of chapters 11 to 13 tell
 * the learner to run them, with real clients on the other end.
 */
@Timeout(90)
class HttpNamesStatesHalvesTest {
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

        Serving(String demo, String host) {
            this(demo, host, Reader.nullReader());
        }

        Serving(String demo, String host, Reader keyboard) {
            context = new ServeContext(host, 0, new PrintStream(screen, true, StandardCharsets.UTF_8), keyboard,
                    Messages.of("demo", Lang.EN), ServeContext.CONNECTION_TIMEOUT, port::complete);
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
            assertTrue(!thread.isAlive(), "serve ended when its sockets were closed");
        }
    }

    /** Runs the client half of {@code demo} against {@code host:port} with {@code typed} as the keyboard; returns the screen. */
    private static String connect(String demo, String host, int port, String typed) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ConnectContext context = new ConnectContext(host, port, Demos.get(demo).transport(),
                new BufferedReader(new StringReader(typed)), new PrintStream(screen, true, StandardCharsets.UTF_8),
                Messages.of("demo", Lang.EN), Duration.ofSeconds(20));
        Demos.get(demo).connect(context);
        return screen.toString(StandardCharsets.UTF_8);
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean runs(String... command) {
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String output(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running: " + command);
        return out;
    }

    private static HttpResponse<String> httpGet(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void serveHttpPrintsTheUrlForABrowserCurlAndUrllibAndEachOfThemWorks() throws Exception {
        try (Serving serve = new Serving("http", "127.0.0.1")) {
            int port = serve.port();
            serve.screen.await("urllib");
            List<String> lines = serve.screen.text().lines().toList();
            String url = "http://127.0.0.1:" + port + "/";
            assertTrue(lines.contains("[server] Open " + url + " in a browser, or from another terminal:"), serve.screen.text());
            assertTrue(lines.contains("[server] curl -v " + url + "hello.txt"), serve.screen.text());
            String urllib = lines.stream().filter(l -> l.contains("python3 -c")).findFirst().orElseThrow();
            Matcher code = Pattern.compile("python3 -c \"(.*)\"$").matcher(urllib);
            assertTrue(code.find(), urllib);
            assertTrue(code.group(1).contains("'" + url + "hello.txt'"), urllib);

            HttpResponse<String> page = httpGet(url);
            assertEquals(200, page.statusCode(), "the URL for the browser is the folder's index.html");
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(page.body().contains("<h1>"), page.body());

            if (runs("python3", "--version")) {
                assertEquals("hello, HTTP\n\n", output(List.of("python3", "-c", code.group(1))), "the urllib line as printed");
            }
            if (runs("curl", "--version")) {
                String curl = output(List.of("curl", "-v", "-s", url + "hello.txt"));
                assertTrue(curl.contains("< HTTP/1.1 200 OK"), curl);
                assertTrue(curl.contains("< Content-Length: 12"), curl);
                assertTrue(curl.contains("> GET /hello.txt HTTP/1.1"), curl);
                assertTrue(curl.endsWith("hello, HTTP\n"), curl);
            }
            assertTrue(raw(port, "hello\r\n\r\n").startsWith("HTTP/1.1 400 Bad Request\r\n"), "a raw socket sending no HTTP");
            serve.screen.await("hello -> 400 Bad Request");
        }
    }

    @Test
    void serveHttpOnTheIpv6LoopbackWritesItsUrlWithBrackets() throws Exception {
        assumeTrue(ipv6Loopback(), "::1 does not work on this machine");
        try (Serving serve = new Serving("http", "::1")) {
            int port = serve.port();
            String url = "http://[::1]:" + port + "/";
            serve.screen.await("Open " + url + " in a browser");
            HttpResponse<String> hello = httpGet(url + "hello.txt");
            assertEquals(200, hello.statusCode());
            assertEquals("hello, HTTP\n", hello.body());
        }
    }

    @Test
    void connectHttpSendsTheRequestTypedByHandAndShowsTheWholeResponse() throws Exception {
        try (Serving serve = new Serving("http", "127.0.0.1")) {
            String screen = connect("http", "127.0.0.1", serve.port(),
                    "GET /hello.txt HTTP/1.1\nHost: me\n\n/missing.html\nDELETE /hello.txt HTTP/1.1\n\nquit\nGET /never HTTP/1.1\n\n");
            assertTrue(screen.contains("Type a request: a request line"), screen);
            // 25 + 10 + 2 bytes: the lines as typed, each ended by CR LF, then the empty line
            assertTrue(screen.contains("(request sent, 37 bytes; output half-closed, reading the response to the end)"), screen);
            assertTrue(screen.contains("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 12\r\n"
                    + "Connection: close\r\n\r\nhello, HTTP\n"), screen);
            assertTrue(screen.contains("HTTP/1.1 404 Not Found\r\n"), "a bare path is a whole GET: " + screen);
            assertTrue(screen.contains("HTTP/1.1 405 Method Not Allowed\r\n"), screen);
            assertTrue(!screen.contains("/never"), "quit ends connect: " + screen);
            serve.screen.await("GET /hello.txt HTTP/1.1 -> 200 OK, 12 bytes");
        }
    }

    @Test
    void serveNamesOnTheWildcardAnswersBothFamiliesAndJavaSeesTheIpv4CallerAsIpv4() throws Exception {
        assumeTrue(ipv6Loopback(), "::1 does not work on this machine: no dual-stack socket to show");
        try (Serving serve = new Serving("names", "::")) {
            int port = serve.port();
            String v4 = line(new InetSocketAddress("127.0.0.1", port));
            Matcher caller = Pattern.compile("you are 127\\.0\\.0\\.1:(\\d+), I am 127\\.0\\.0\\.1:" + port).matcher(v4);
            assertTrue(caller.matches(), "Java hands the mapped ::ffff:127.0.0.1 back as IPv4: " + v4);
            assertTrue(line(new InetSocketAddress("::1", port)).matches("you are \\[::1\\]:\\d+, I am \\[::1\\]:" + port));
            if (Files.isReadable(Path.of("/proc/net/tcp6"))) {
                // the end that closed first waits in TIME-WAIT, and the kernel lists it as the IPv6 socket it is
                int callerPort = Integer.parseInt(caller.group(1));
                SocketEntry kept = awaitEntry(port, e -> e.remote().getPort() == callerPort || e.local().getPort() == callerPort);
                assertEquals("tcp6", kept.protocol());
                assertEquals(List.of("[::ffff:127.0.0.1]:" + callerPort, "[::ffff:127.0.0.1]:" + port),
                        List.of(kept.local(), kept.remote()).stream().map(SocketEntry::text).sorted(
                                java.util.Comparator.comparing(t -> !t.endsWith(":" + callerPort))).toList());
            }
        }
    }

    @Test
    void connectNamesCallsEveryAddressOfItsHostAtOnceThenEachTypedName() throws Exception {
        try (Serving serve = new Serving("names", "127.0.0.1")) {
            int port = serve.port();
            String screen = connect("names", "localhost", port, "127.0.0.1\nquit\n");
            int count = InetAddress.getAllByName("localhost").length;
            String first = "localhost resolves to " + count + " address(es)";
            assertTrue(screen.contains(first), screen);
            String answered = "127.0.0.1:" + port + " answered: you are 127.0.0.1:";
            assertTrue(screen.indexOf(answered) > screen.indexOf(first), "--host is called before anything is typed: " + screen);
            assertTrue(screen.indexOf("type a name or an address") > screen.indexOf(answered), screen);
            assertTrue(screen.contains("127.0.0.1 resolves to 1 address(es): 127.0.0.1 (IPv4)"), screen);
            assertEquals(2, screen.split(Pattern.quote(answered), -1).length - 1, "once for localhost, once for 127.0.0.1: " + screen);
            if (InetAddress.getAllByName("localhost").length > 1) {
                assertTrue(screen.contains("[::1]:" + port + " failed: ConnectException"), "::1 is refused by a server on 127.0.0.1: " + screen);
            }
        }
    }

    /** Waits (bounded) until {@code screen}'s text from character {@code from} on matches {@code regex}; the match's end. */
    private static int awaitMatch(Screen screen, int from, String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        synchronized (screen) {
            while (true) {
                Matcher found = pattern.matcher(screen.text());
                if (found.find(from)) {
                    return found.end();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("nothing like " + regex + " after character " + from + " of:\n" + screen.text());
                }
                TimeUnit.NANOSECONDS.timedWait(screen, left);
            }
        }
    }

    /** Types {@code command}, then {@code sockets} again while needed, until a table printed since shows a row like {@code row}. */
    private static void typeUntilRow(java.io.Writer keyboard, Screen screen, String command, String row) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Pattern wanted = Pattern.compile(row, Pattern.MULTILINE);
        int from = screen.text().length();
        for (String typed = command; ; typed = "sockets") {
            int before = screen.text().length();
            keyboard.write(typed + "\n");
            keyboard.flush();
            awaitMatch(screen, before, "the kernel's sockets on port \\d+:");
            if (wanted.matcher(screen.text().substring(from)).find()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no row like " + row + " after '" + command + "' in:\n" + screen.text().substring(from));
            }
            Thread.sleep(50);   // not synchronisation: the pace of asking the kernel again
        }
    }

    @Test
    void serveAndConnectStatesEachPrintTheTableAfterEveryCommand() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net: not Linux");
        java.io.PipedWriter serverKeys = new java.io.PipedWriter();
        java.io.PipedWriter clientKeys = new java.io.PipedWriter();
        Screen client = new Screen();
        try (Serving serve = new Serving("states", "127.0.0.1", new java.io.PipedReader(serverKeys))) {
            int port = serve.port();
            serve.screen.await("lazy server on port " + port + ", backlog 1");
            ConnectContext context = new ConnectContext("127.0.0.1", port, Demos.get("states").transport(),
                    new BufferedReader(new java.io.PipedReader(clientKeys)), new PrintStream(client, true, StandardCharsets.UTF_8),
                    Messages.of("demo", Lang.EN), Duration.ofSeconds(20));
            CompletableFuture<Void> connecting = CompletableFuture.runAsync(() -> {
                try {
                    Demos.get("states").connect(context);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String p = String.valueOf(port);
            typeUntilRow(clientKeys, client, "open", "^.*?\\btcp6?\\s+LISTEN\\s+1\\s");
            typeUntilRow(clientKeys, client, "open", "^.*?\\btcp6?\\s+LISTEN\\s+2\\s");
            typeUntilRow(clientKeys, client, "open", "^.*?\\btcp6?\\s+SYN-SENT\\s.*:" + p + "$");
            typeUntilRow(serverKeys, serve.screen, "accept", "^.*?\\btcp6?\\s+ESTABLISHED\\s");
            assertTrue(serve.screen.text().contains("accepted: 1 connection(s) now belong to the server"), serve.screen.text());
            typeUntilRow(clientKeys, client, "close", "^.*?\\btcp6?\\s+CLOSE-WAIT\\s+\\d+\\s+\\d+\\s+\\S+:" + p + "\\s");
            typeUntilRow(serverKeys, serve.screen, "close", "^.*?\\btcp6?\\s+TIME-WAIT\\s.*:" + p + "$");
            assertTrue(serve.screen.text().contains("the server closed 1 connection(s) (FIN)"), serve.screen.text());
            clientKeys.write("quit\n");
            clientKeys.flush();
            connecting.get(20, TimeUnit.SECONDS);
            assertTrue(client.text().contains("connected (1 open, 0 waiting for the handshake)"), client.text());
            serverKeys.close();
        } finally {
            clientKeys.close();
        }
    }

    private static String line(InetSocketAddress server) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 10_000);
            socket.setSoTimeout(20_000);
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        }
    }

    private static SocketEntry awaitEntry(int port, java.util.function.Predicate<SocketEntry> wanted) {
        SocketTable table = SocketTable.forThisMachine();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<SocketEntry> last = List.of();
        while (System.nanoTime() < deadline) {
            last = table.onPort(port).entries();
            for (SocketEntry entry : last) {
                if (wanted.test(entry)) {
                    return entry;
                }
            }
            Thread.yield();
        }
        throw new AssertionError("no such entry on port " + port + " in " + last);
    }
}
