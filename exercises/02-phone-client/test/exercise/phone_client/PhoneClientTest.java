package exercise.phone_client;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class PhoneClientTest {

    @Test
    @Tag("points=4")
    void sendsTheMessageAndReturnsTheReply() throws Exception {
        try (ScriptedServer server = new ScriptedServer(5, ScriptedServer.utf8("HELLO"))) {
            String reply = PhoneClient.call(server.port(), "hello");
            assertEquals("hello", server.heard(), say("the server should have heard \"hello\"", "服务器应该收到 \"hello\""));
            assertEquals("HELLO", reply, say("the server heard \"hello\" and replied \"HELLO\" in one piece",
                    "服务器收到了 \"hello\"，并一次性回复了 \"HELLO\""));
        }
    }

    @Test
    @Tag("points=6")
    void returnsTheWholeReplyWhenItArrivesInSeveralPieces() throws Exception {
        try (ScriptedServer server = new ScriptedServer(2, ScriptedServer.utf8("GOOD ", "MORN", "ING, ", "WORLD"))) {
            String reply = PhoneClient.call(server.port(), "hi");
            assertEquals("hi", server.heard(), say("the server should have heard \"hi\"", "服务器应该收到 \"hi\""));
            assertEquals("GOOD MORNING, WORLD", reply,
                    say("the server replied in 4 writes: \"GOOD \", \"MORN\", \"ING, \", \"WORLD\", then hung up;"
                            + " a client that reads once returns only the first piece: read until read returns -1",
                            "服务器分 4 次写出回复：\"GOOD \"、\"MORN\"、\"ING, \"、\"WORLD\"，然后挂断；"
                            + "只读一次的客户端只能返回第一段：要一直读，直到 read 返回 -1"));
        }
    }
}
