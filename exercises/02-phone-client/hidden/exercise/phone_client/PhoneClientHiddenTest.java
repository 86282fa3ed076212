package exercise.phone_client;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Instructor notes: the visible tests cover every requirement; these vary them: a reply longer
// than one 1024-byte buffer sent back to back (a client that reads a fixed 1024 bytes, or loops
// only while available() > 0), and an empty reply (the server hangs up at once: "" is the answer,
// not an exception or a null).
@Timeout(10)
class PhoneClientHiddenTest {

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
    void anEmptyReplyIsTheEmptyString() throws Exception {
        try (ScriptedServer server = new ScriptedServer(4, List.of())) {
            assertEquals("", PhoneClient.call(server.port(), "shh?"),
                    say("the server hung up without a word: the whole reply is \"\"", "服务端一句话没说就挂断了：完整的回复是 \"\""));
        }
    }
}
