package exercise.webget;

import static io.socketlab.testkit.Say.quote;
import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WebGetTest {
    static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n";

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What the server saw, said plainly when the empty line never came. */
    static String whatTheServerSaw(ScriptedHttpServer server) throws Exception {
        if (!server.sawTheEmptyLine()) {
            return say("the server waited " + ScriptedHttpServer.HEAD_WAIT_MILLIS / 1000 + " s for the empty line that ends the request"
                    + " head and never saw it (end the headers with \"\\r\\n\\r\\n\"); it got " + quote(server.request()),
                    "服务端等了 " + ScriptedHttpServer.HEAD_WAIT_MILLIS / 1000 + " 秒，一直没等到结束请求报头的空行"
                    + "（报头要以 \"\\r\\n\\r\\n\" 结束）；它收到的是 " + quote(server.request()));
        }
        return say("the server got ", "服务端收到 ") + quote(server.request());
    }

    @Test
    @Tag("points=3")
    void sendsTheRequestLineEndedByCrlf() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(List.of(bytes(HEAD + "hi\n")))) {
            WebGet.get("127.0.0.1", server.port(), "/hello");
            String request = server.request();
            assertTrue(request.startsWith("GET /hello HTTP/1.1\r\n"),
                    say("the request must start with the request line \"GET /hello HTTP/1.1\" ended by \\r\\n (CR LF, not just \\n); ",
                            "请求必须以请求行 \"GET /hello HTTP/1.1\" 开头，并以 \\r\\n（CR LF，不只是 \\n）结束；")
                            + whatTheServerSaw(server));
        }
    }

    @Test
    @Tag("points=2")
    void sendsHostAndConnectionCloseThenTheEmptyLine() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(List.of(bytes(HEAD + "hi\n")))) {
            WebGet.get("127.0.0.1", server.port(), "/");
            assertTrue(server.sawTheEmptyLine(), whatTheServerSaw(server));
            String lower = server.request().toLowerCase(Locale.ROOT);
            assertTrue(lower.contains("\r\nhost: 127.0.0.1"),
                    say("HTTP/1.1 asks for a Host header naming the server (Host: 127.0.0.1); ", "HTTP/1.1 要求带上写明服务端的 Host 报头（Host: 127.0.0.1）；")
                            + whatTheServerSaw(server));
            assertTrue(lower.contains("\r\nconnection: close\r\n"),
                    say("send Connection: close, so the server closes after the response and you can read to the end; ",
                            "要发送 Connection: close，这样服务端发完响应就会关闭，你就可以一直读到结尾；") + whatTheServerSaw(server));
        }
    }

    @Test
    @Tag("points=3")
    void readsTheWholeResponseUntilTheServerCloses() throws Exception {
        char[] body = new char[3000];
        Arrays.fill(body, 'x');
        String expected = HEAD + new String(body);
        byte[] all = bytes(expected);
        List<byte[]> pieces = List.of(Arrays.copyOfRange(all, 0, 40), Arrays.copyOfRange(all, 40, 1500), Arrays.copyOfRange(all, 1500, all.length));
        try (ScriptedHttpServer server = new ScriptedHttpServer(pieces)) {
            String response = WebGet.get("127.0.0.1", server.port(), "/big");
            assertEquals(expected.length(), response.length(),
                    say("the server sent " + all.length + " bytes in 3 pieces, 0.1 s apart, then closed; you returned "
                            + response.length() + " characters: keep reading until read returns -1 (the server's close)",
                            "服务端分 3 段、每段间隔 0.1 秒发送了 " + all.length + " 个字节，然后关闭；你返回了 "
                            + response.length() + " 个字符：要一直读到 read 返回 -1（服务端关闭）"));
            assertEquals(expected, response);
        }
    }

    @Test
    @Tag("points=2")
    void decodesUtf8CharactersSplitBetweenPieces() throws Exception {
        String expected = HEAD + "你好，世界\n";
        byte[] all = bytes(expected);
        int cut = bytes(HEAD).length + 1;   // inside the first character's three bytes
        try (ScriptedHttpServer server = new ScriptedHttpServer(List.of(Arrays.copyOfRange(all, 0, cut), Arrays.copyOfRange(all, cut, all.length)))) {
            String response = WebGet.get("127.0.0.1", server.port(), "/chinese");
            assertEquals(expected, response,
                    say("the first piece ends inside 你 (3 bytes in UTF-8): collect the bytes and decode once at the end",
                            "第一段在“你”（UTF-8 里占 3 个字节）的中间结束：要先收集字节，最后一次性解码"));
        }
    }
}
