package exercise.phone_server;

import io.socketlab.grade.testkit.RecordingClient;
import io.socketlab.grade.testkit.ServerRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertTrue;

// Instructor notes: these catch decoding the whole 1024-byte buffer instead of the bytes read
// (trailing NULs in the reply), the platform charset instead of UTF-8, and a server that throws
// when the caller hangs up without speaking.
@Timeout(10)
class PhoneServerHiddenTest {

    @Test
    void repliesWithExactlyTheBytesHeardNotTheWholeBuffer() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("ab");
            String reply = client.readUntilClosed();
            assertTrue(reply.equals("AB"), "sent \"ab\", expected exactly \"AB\" but got " + reply.length()
                    + " characters (did you decode the whole 1024-byte buffer instead of the bytes read?)\n" + client.log());
        }
    }

    @Test
    void upperCasesUtf8Text() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("héllo 你好");
            client.expectReply("HÉLLO 你好");
        }
    }

    @Test
    void aCallerWhoSaysNothingGetsNoReplyAndNoCrash() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.shutdownOutput();
            client.expectClosed();
            server.awaitReturn(2000);
            assertTrue(server.failures().isEmpty(),
                    "the caller hung up without speaking and your server threw " + server.failures()
                            + " (read returns -1 at end of stream: check it)\n" + client.log());
        }
    }
}
