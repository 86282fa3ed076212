package exercise.phone_client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Instructor notes: the first test catches decoding each piece separately (a Chinese character
// split across two writes turns into two replacement characters); the second catches a fixed
// 1024-byte single read on a reply longer than the buffer; the third catches platform charsets.
@Timeout(10)
class PhoneClientHiddenTest {

    @Test
    void decodesACharacterSplitAcrossTwoPieces() throws Exception {
        byte[] tree = "一棵树".getBytes(StandardCharsets.UTF_8);
        List<byte[]> pieces = List.of(java.util.Arrays.copyOfRange(tree, 0, 4), java.util.Arrays.copyOfRange(tree, 4, tree.length));
        try (ScriptedServer server = new ScriptedServer(1, pieces)) {
            assertEquals("一棵树", PhoneClient.call(server.port(), "?"),
                    say("the reply's bytes were split in the middle of a character: collect bytes, decode once at the end",
                            "回复的字节在一个字符的中间被拆开了：先收集字节，最后统一解码一次"));
        }
    }

    @Test
    void returnsAReplyLongerThanOneBuffer() throws Exception {
        StringBuilder longReply = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String part = "LINE " + i + " OF A LONG ANSWER;";
            parts.add(part);
            longReply.append(part);
        }
        // back to back: this test is about a reply longer than one buffer, not about pieces
        try (ScriptedServer server = new ScriptedServer(3, ScriptedServer.utf8(parts.toArray(String[]::new)), 0)) {
            assertEquals(longReply.toString(), PhoneClient.call(server.port(), "ls "),
                    say("a reply of " + longReply.length() + " bytes must come back whole",
                            "长达 " + longReply.length() + " 字节的回复必须完整返回"));
        }
    }

    @Test
    void sendsUtf8() throws Exception {
        try (ScriptedServer server = new ScriptedServer("武大郎".getBytes(StandardCharsets.UTF_8).length, ScriptedServer.utf8("OK"))) {
            assertEquals("OK", PhoneClient.call(server.port(), "武大郎"));
            assertEquals("武大郎", server.heard(), say("the message must be sent as UTF-8", "消息必须按 UTF-8 发送"));
        }
    }
}
