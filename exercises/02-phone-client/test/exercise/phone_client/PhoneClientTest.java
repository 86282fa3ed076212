package exercise.phone_client;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class PhoneClientTest {

    @Test
    @Tag("points=4")
    void sendsTheMessageAndReturnsTheReply() throws Exception {
        try (ScriptedServer server = new ScriptedServer(5, ScriptedServer.utf8("HELLO"))) {
            String reply = PhoneClient.call(server.port(), "hello");
            assertEquals("hello", server.heard(), "the server should have heard \"hello\"");
            assertEquals("HELLO", reply, "the server heard \"hello\" and replied \"HELLO\" in one piece");
        }
    }

    @Test
    @Tag("points=6")
    void returnsTheWholeReplyWhenItArrivesInSeveralPieces() throws Exception {
        try (ScriptedServer server = new ScriptedServer(2, ScriptedServer.utf8("GOOD ", "MORN", "ING, ", "WORLD"))) {
            String reply = PhoneClient.call(server.port(), "hi");
            assertEquals("GOOD MORNING, WORLD", reply,
                    "the server replied in 4 writes: \"GOOD \", \"MORN\", \"ING, \", \"WORLD\", then hung up;"
                            + " a client that reads once returns only the first piece: read until read returns -1");
        }
    }
}
