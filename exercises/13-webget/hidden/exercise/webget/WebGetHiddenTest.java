package exercise.webget;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Instructor notes: a 300 KB body in many pieces without Content-Length (only the close ends it; a
// client that stops at Content-Length or at a fixed buffer fails), a 404 is returned like any other
// response (not an exception), the path is sent as given (query string kept), and the request is
// only the head (no stray bytes after the empty line).
@Timeout(30)
class WebGetHiddenTest {
    @Test
    void readsALongBodyWithoutContentLength() throws Exception {
        byte[] body = new byte[300_000];
        Arrays.fill(body, (byte) 'y');
        List<byte[]> pieces = new ArrayList<>();
        pieces.add(WebGetTest.bytes(WebGetTest.HEAD));
        for (int at = 0; at < body.length; at += 60_000) {
            pieces.add(Arrays.copyOfRange(body, at, Math.min(body.length, at + 60_000)));
        }
        try (ScriptedHttpServer server = new ScriptedHttpServer(pieces)) {
            String response = WebGet.get("127.0.0.1", server.port(), "/long");
            assertEquals(WebGetTest.HEAD.length() + body.length, response.length(),
                    say("300,000 bytes of body in 5 pieces", "正文 300,000 字节，分 5 段"));
        }
    }

    @Test
    void aNotFoundResponseIsReturnedLikeAnyOther() throws Exception {
        String response404 = "HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\nConnection: close\r\n\r\nnot found\n";
        try (ScriptedHttpServer server = new ScriptedHttpServer(List.of(WebGetTest.bytes(response404)))) {
            assertEquals(response404, WebGet.get("127.0.0.1", server.port(), "/missing"));
        }
    }

    @Test
    void sendsThePathAsGivenAndNothingAfterTheHead() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(List.of(WebGetTest.bytes(WebGetTest.HEAD)))) {
            WebGet.get("127.0.0.1", server.port(), "/search?q=socket");
            assertTrue(server.request().startsWith("GET /search?q=socket HTTP/1.1\r\n"), server.request());
            assertTrue(server.sawTheEmptyLine());
        }
    }
}
