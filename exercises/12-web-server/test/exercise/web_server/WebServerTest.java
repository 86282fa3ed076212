package exercise.web_server;

import static io.socketlab.testkit.Say.quote;
import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.testkit.ChunkingProxy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class WebServerTest {
    @TempDir
    Path temp;

    @Test
    @Tag("points=3")
    void servesAFileWithItsTypeAndItsLengthInBytes() throws Exception {
        try (Site site = new Site(temp)) {
            HttpResponse<byte[]> response;
            try {
                response = site.get("/hello.txt");
            } catch (IOException cut) {
                throw new AssertionError(say("Java's HttpClient could not read the response to GET /hello.txt (" + cut.getMessage()
                        + "): check the status line, \\r\\n after each line, the empty line, and a Content-Length that counts the"
                        + " bytes of the body, " + Site.HELLO.getBytes(StandardCharsets.UTF_8).length + " here",
                        "Java 的 HttpClient 读不了 GET /hello.txt 的响应（" + cut.getMessage() + "）：检查状态行、每行后面的 \\r\\n、"
                        + "空行，以及按正文字节数计算的 Content-Length（这里是 " + Site.HELLO.getBytes(StandardCharsets.UTF_8).length + "）"), cut);
            }
            assertEquals(200, response.statusCode(), say("hello.txt is in the folder: 200", "hello.txt 在文件夹里：应该是 200"));
            assertEquals("14", response.headers().firstValue("Content-Length").orElse("(none)"),
                    say("\"hello, 世界\\n\" is 10 characters but 14 bytes in UTF-8: Content-Length counts bytes",
                            "\"hello, 世界\\n\" 是 10 个字符，但在 UTF-8 里是 14 个字节：Content-Length 数的是字节"));
            assertEquals(Site.HELLO, new String(response.body(), StandardCharsets.UTF_8));
            assertTrue(response.headers().firstValue("Content-Type").orElse("(none)").startsWith("text/plain"),
                    say("a .txt file is text/plain; it was ", ".txt 文件是 text/plain；实际是 ")
                            + response.headers().firstValue("Content-Type").orElse("(none)"));
        }
    }

    @Test
    @Tag("points=2")
    void answers404ForAFileThatIsNotThere() throws Exception {
        try (Site site = new Site(temp)) {
            HttpResponse<byte[]> response;
            try {
                response = site.get("/missing.html");
            } catch (IOException nothing) {
                throw new AssertionError(say("GET /missing.html got no HTTP response at all (" + nothing.getMessage() + "): a file that"
                        + " is not there must be answered with 404, not end in an exception that closes the connection"
                        + site.server.failures(),
                        "GET /missing.html 根本没有得到 HTTP 响应（" + nothing.getMessage() + "）：文件不存在时要回答 404，"
                        + "而不是抛出异常、关掉连接" + site.server.failures()), nothing);
            }
            assertEquals(404, response.statusCode(),
                    say("no missing.html in the folder: 404 Not Found, with a head like any other response",
                            "文件夹里没有 missing.html：应该回答 404 Not Found，报头和其他响应一样完整"));
        }
    }

    @Test
    @Tag("points=2")
    void answers400ForARequestLineThatIsNotHttp() throws Exception {
        try (Site site = new Site(temp)) {
            String response = site.raw("hello\r\n\r\n");
            assertTrue(response.startsWith("HTTP/1.1 400"),
                    say("\"hello\" is no request line (method, target and version): answer 400 Bad Request; the response was ",
                            "\"hello\" 不是请求行（方法、目标和版本）：应该回答 400 Bad Request；实际响应是 ") + quote(response));
        }
    }

    @Test
    @Tag("points=2")
    void neverServesAFileOutsideTheFolder() throws Exception {
        try (Site site = new Site(temp)) {
            String absolute = "/" + site.secret().toString().replace('\\', '/').replace(" ", "%20");
            for (String target : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/" + absolute}) {
                String response = site.raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                String how = target.startsWith("//")
                        ? say(" (this target is secret.txt's absolute path after one more slash: with only the first slash"
                                + " cut off it is still absolute, and folder.resolve of an absolute path ignores the folder;"
                                + " strip every leading slash, then check the file is inside the folder)",
                                "（这个目标是 secret.txt 的绝对路径前面再加一个斜杠：只去掉第一个斜杠，它仍然是绝对路径，"
                                + "而 folder.resolve 一个绝对路径时会无视文件夹；要去掉开头所有的斜杠，再检查文件在文件夹里面）")
                        : say(" (decode %2e%2e to .. first, then check the file is inside the folder)",
                                "（先把 %2e%2e 解码成 ..，再检查文件在文件夹里面）");
                assertFalse(response.contains(Site.SECRET.strip()),
                        say("GET " + target + " must not reach secret.txt, which lies beside the folder, not in it" + how
                                + "; the server sent it",
                                "GET " + target + " 不能拿到 secret.txt，它在文件夹旁边，不在里面" + how + "；服务端却把它发出来了"));
                String status = Site.statusLine(response);
                assertTrue(status.startsWith("HTTP/1.1 403") || status.startsWith("HTTP/1.1 404"),
                        say("GET " + target + " should get 403 or 404; it got ", "GET " + target + " 应该得到 403 或 404；实际是 ") + status);
            }
        }
    }

    @Test
    @Tag("points=1")
    void readsARequestThatArrivesOneByteAtATime() throws Exception {
        try (Site site = new Site(temp);
             ChunkingProxy proxy = ChunkingProxy.splitting(site.port(), 1);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"),
                    say("the request came one byte per TCP segment: read until the empty line, not one read();"
                            + " the response was ", "请求是一个字节一个 TCP 段地到达的：要一直读到空行，而不是只 read() 一次；实际响应是 ")
                            + quote(response));
            assertTrue(response.endsWith(Site.HELLO));
        }
    }
}
