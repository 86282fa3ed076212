package exercise.web_server;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// Instructor notes: "/" serves index.html as text/html; a percent-encoded Chinese file name is
// decoded as UTF-8; POST gets 405; a client that connects and leaves without a byte does not stop
// the server (the next GET still works); a request line with no version is 400; Connection: close
// is in every response; a symbolic link inside the folder that points at secret.txt beside it is
// not followed out (403 or 404, never the secret).
@Timeout(30)
class WebServerHiddenTest {
    @TempDir
    Path temp;

    @Test
    void theRootIsTheIndexAsHtml() throws Exception {
        try (Site site = new Site(temp)) {
            HttpResponse<byte[]> response = site.get("/");
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertEquals("close", response.headers().firstValue("Connection").orElse(""), say("Connection: close", "Connection: close"));
        }
    }

    @Test
    void aChineseFileNameIsDecodedAsUtf8() throws Exception {
        try (Site site = new Site(temp)) {
            HttpResponse<byte[]> response = site.get("/%E4%BD%A0%E5%A5%BD.txt");
            assertEquals(200, response.statusCode(), say("/你好.txt, percent-encoded", "百分号编码的 /你好.txt"));
            assertEquals("你好\n", new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void otherMethodsAre405AndAMissingVersionIs400() throws Exception {
        try (Site site = new Site(temp)) {
            assertTrue(site.raw("POST /hello.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").startsWith("HTTP/1.1 405"));
            assertTrue(site.raw("GET /hello.txt\r\n\r\n").startsWith("HTTP/1.1 400"));
        }
    }

    @Test
    void aLinkInsideTheFolderThatPointsOutIsNotFollowed() throws Exception {
        try (Site site = new Site(temp)) {
            try {
                java.nio.file.Files.createSymbolicLink(site.folder.resolve("link.txt"), site.secret());
            } catch (java.io.IOException | UnsupportedOperationException noLinks) {
                org.junit.jupiter.api.Assumptions.assumeTrue(false, "no symbolic links here");
            }
            String response = site.raw("GET /link.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertTrue(!response.contains(Site.SECRET.strip()), say("link.txt is inside the folder but leads to secret.txt outside it:"
                    + " compare where the file really is (toRealPath) with the folder", "link.txt 在文件夹里，却指向外面的 secret.txt："
                    + "要用 toRealPath 比较文件真正的位置和文件夹"));
            String status = Site.statusLine(response);
            assertTrue(status.startsWith("HTTP/1.1 403") || status.startsWith("HTTP/1.1 404"), status);
        }
    }

    @Test
    void aClientThatSaysNothingDoesNotStopTheServer() throws Exception {
        try (Site site = new Site(temp)) {
            try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), site.port())) {
                silent.shutdownOutput();
            }
            assertEquals(200, site.get("/hello.txt").statusCode(),
                    say("a client left without a request; the next one must still be served", "一个客户端没发请求就走了；下一个仍然要得到服务"));
        }
    }
}
