package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.demo.http.HttpByHand;
import io.socketlab.demo.http.HttpFolderServer;
import io.socketlab.demo.http.HttpResponseText;
import io.socketlab.demo.http.SampleSite;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The http demo's server answers real HTTP clients: Java's HttpClient, Python's urllib, curl, raw sockets. */
class HttpDemoTest {
    private SampleSite site;
    private ServerSocket listening;
    private Thread serving;
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        site = SampleSite.create();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        HttpFolderServer server = new HttpFolderServer(site.folder(), new java.io.PrintStream(new java.io.OutputStream() {
            private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    log.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8));
        listening = new ServerSocket();
        listening.bind(new InetSocketAddress("127.0.0.1", 0));
        ServerSocket bound = listening;
        serving = new Thread(() -> {
            try {
                server.serve(bound);
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "http-demo-under-test");
        serving.start();
    }

    @AfterEach
    void stop() throws Exception {
        listening.close();
        serving.join(10_000);
        assertFalse(serving.isAlive(), "closing the listening socket ends the server");
        site.close();
    }

    private String base() {
        return "http://127.0.0.1:" + listening.getLocalPort();
    }

    private HttpResponseText raw(String request) throws IOException {
        java.net.Socket socket = new java.net.Socket();
        socket.setSoTimeout(10_000);
        return HttpResponseText.split(HttpByHand.exchange(socket, "127.0.0.1", listening.getLocalPort(), request));
    }

    private HttpResponseText get(String path) throws IOException {
        return raw(HttpByHand.getRequest("127.0.0.1", listening.getLocalPort(), path));
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void javasHttpClientGetsAFileWithItsTypeAndLength() throws Exception {
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(URI.create(base() + "/hello.txt"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("hello, HTTP\n", response.body());
        assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("12", response.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("close", response.headers().firstValue("Connection").orElseThrow());
    }

    @Test
    void javasHttpClientGetsAChineseFileNameAndTheIndexOfTheFolder() throws Exception {
        HttpResponse<String> chinese = client().send(HttpRequest.newBuilder(URI.create(base() + "/%E4%BD%A0%E5%A5%BD.txt"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, chinese.statusCode());
        assertEquals("你好，HTTP\n", chinese.body());
        HttpResponse<String> index = client().send(HttpRequest.newBuilder(URI.create(base() + "/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("text/html; charset=utf-8", index.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(index.body().contains("<h1>"), index.body());
    }

    @Test
    void javasHttpClientGets404And405() throws Exception {
        HttpResponse<String> missing = client().send(HttpRequest.newBuilder(URI.create(base() + "/missing.html"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        HttpResponse<String> post = client().send(HttpRequest.newBuilder(URI.create(base() + "/hello.txt"))
                .POST(HttpRequest.BodyPublishers.ofString("name=value")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void theResponseIsAHeadABlankLineAndContentLengthBytes() throws Exception {
        HttpResponseText response = get("/data.json");
        assertEquals("HTTP/1.1 200 OK", response.statusLine());
        assertEquals("application/json", response.header("content-type"));
        assertEquals(Integer.parseInt(response.header("Content-Length")), response.body().length);
        assertEquals(Files.size(site.folder().resolve("data.json")), response.body().length);
    }

    @Test
    void headGetsTheHeadWithTheLengthAndNoBody() throws Exception {
        HttpResponseText response = raw("HEAD /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK", response.statusLine());
        assertEquals("12", response.header("Content-Length"));
        assertEquals(0, response.body().length);
    }

    @Test
    void aRequestLineThatIsNotHttpIs400() throws Exception {
        assertEquals("HTTP/1.1 400 Bad Request", raw("hello\r\n\r\n").statusLine());
        assertEquals("HTTP/1.1 400 Bad Request", raw("GET /hello.txt\r\n\r\n").statusLine(), "no version");
        assertEquals("HTTP/1.1 400 Bad Request", raw("GET hello.txt HTTP/1.1\r\n\r\n").statusLine(), "no leading slash");
        assertEquals("HTTP/1.1 400 Bad Request", raw("GET /hello.txt HTTP/1.1\r\nno colon here\r\n\r\n").statusLine());
        assertEquals("HTTP/1.1 400 Bad Request", get("/%zz").statusLine(), "a broken percent escape");
    }

    @Test
    void noPathLeavesTheServedFolder() throws Exception {
        assertEquals("HTTP/1.1 403 Forbidden", get("/../../etc/passwd").statusLine());
        assertEquals("HTTP/1.1 403 Forbidden", get("/%2e%2e/%2e%2e/etc/passwd").statusLine(), "encoded dots");
        assertEquals("HTTP/1.1 403 Forbidden", get("/%2E%2E%2f%2E%2E%2fetc/passwd").statusLine(), "encoded slashes too");
        assertEquals("HTTP/1.1 403 Forbidden", get("/..%5c..%5cetc/passwd").statusLine(), "a backslash");
        assertEquals("HTTP/1.1 200 OK", get("//hello.txt").statusLine(), "a doubled slash is no absolute path: it stays inside");
        assertEquals("HTTP/1.1 404 Not Found", get("//no/such/file").statusLine());
        assertEquals("HTTP/1.1 403 Forbidden", get("/etc/../../etc/passwd").statusLine());
        assumeTrue(Files.isSymbolicLink(site.folder().resolve("etc")), "no symbolic link could be made here");
        assertEquals("HTTP/1.1 403 Forbidden", get("/etc/passwd").statusLine(), "a link pointing out of the folder");
    }

    @Test
    void theServerKeepsServingAfterAClientThatSendsNothing() throws Exception {
        try (java.net.Socket silent = new java.net.Socket()) {
            silent.connect(new InetSocketAddress("127.0.0.1", listening.getLocalPort()), 5000);
            silent.shutdownOutput();
            assertEquals("HTTP/1.1 200 OK", get("/hello.txt").statusLine());
        }
        assertTrue(log.contains("the client closed without a request"), log.toString());
    }

    private static boolean runs(String... command) {
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String output(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "still running: " + String.join(" ", command));
        return out;
    }

    @Test
    void pythonsUrllibGetsTheFileAndSees404AsAnError() throws Exception {
        assumeTrue(runs("python3", "--version"), "python3 not on PATH");
        assertEquals("200 text/plain; charset=utf-8\nhello, HTTP\n", output("python3", "python/http_get.py", base() + "/hello.txt"));
        assertEquals("404 text/plain; charset=utf-8\n404 Not Found\n", output("python3", "python/http_get.py", base() + "/nothing"));
    }

    @Test
    void pythonByHandReadsTheWholeResponseAfterItsHalfClose() throws Exception {
        assumeTrue(runs("python3", "--version"), "python3 not on PATH");
        String response = output("python3", "python/http_by_hand.py", String.valueOf(listening.getLocalPort()), "/hello.txt");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\nhello, HTTP\n"), response);
    }

    @Test
    void curlGetsTheFileAndItsPathAsIsIsRefused() throws Exception {
        assumeTrue(runs("curl", "--version"), "curl not installed");
        assertEquals("hello, HTTP\n200", output("curl", "-s", "-w", "%{http_code}", base() + "/hello.txt"));
        assertEquals("403", output("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--path-as-is", base() + "/../../etc/passwd"));
    }
}
