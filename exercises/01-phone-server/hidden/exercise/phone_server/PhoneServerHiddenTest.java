package exercise.phone_server;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;

// Instructor notes: the visible tests cover every requirement; these vary them so that code fitted
// to the visible tests' exact words fails: a message of exactly 1024 bytes (a 1023-byte buffer or
// an off-by-one length), ß (Java upper-cases it to SS, so the reply is longer than the message:
// echoing the byte count heard instead of the reply's own length cuts it), and a reply to a caller
// who half-closes right after speaking.
@Timeout(10)
class PhoneServerHiddenTest {

    @Test
    void aMessageOfExactly1024BytesComesBackWhole() throws Exception {
        String message = "x".repeat(1024);
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send(message);
            String reply = client.readUntilClosed();
            assertEquals(1024, reply.length(), say("a message of exactly 1024 bytes must come back whole", "正好 1024 字节的消息必须完整返回")
                    + "\n" + client.log());
        }
    }

    @Test
    void aReplyLongerThanTheMessageIsSentWhole() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("straße");
            String reply = client.readUntilClosed();
            assertEquals("STRASSE", reply, say("Java upper-cases ß to SS, so the reply has more bytes than the message: send the"
                    + " reply's own bytes", "Java 把 ß 大写成 SS，回复比消息多出字节：要发送回复自己的全部字节") + "\n" + client.log());
        }
    }

    @Test
    void answersACallerWhoHalfClosesAfterSpeaking() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.sendBytes("over".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            assertEquals("OVER", client.readUntilClosed(), client.log());
        }
    }
}
