package exercise.web_server;

import static io.socketlab.testkit.Say.quote;

import io.socketlab.testkit.LearnerFolders;
import io.socketlab.testkit.ServerRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A folder {@code site} with hello.txt, index.html and 你好.txt, a secret.txt beside it (outside the
 * folder), and the learner's server running on it.
 */
final class Site implements AutoCloseable {
    static final String HELLO = "hello, 世界\n";
    static final String SECRET = "the secret beside the folder\n";

    final Path folder;
    final ServerRunner server;

    Site(Path testFolder) throws IOException {
        Path temp = LearnerFolders.reachable(testFolder);
        folder = Files.createDirectories(temp.resolve("site"));
        Files.writeString(folder.resolve("hello.txt"), HELLO, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("index.html"), "<h1>index</h1>\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("你好.txt"), "你好\n", StandardCharsets.UTF_8);
        Files.writeString(temp.resolve("secret.txt"), SECRET, StandardCharsets.UTF_8);
        server = ServerRunner.start(listening -> WebServer.serve(listening, folder));
    }

    /** secret.txt, beside the folder: no target may reach it. */
    Path secret() {
        return folder.resolveSibling("secret.txt");
    }

    int port() {
        return server.port();
    }

    /** GET {@code path} with Java's own HTTP client. */
    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends {@code request} as given over a plain socket, then reads everything until the server closes. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The status line of a raw response, quoted with invisible characters shown. */
    static String statusLine(String response) {
        int end = response.indexOf("\r\n");
        return end < 0 ? quote(response) : response.substring(0, end);
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
