package exercise.phone_server;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
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
            assertTrue(reply.equals("AB"), say("sent \"ab\", expected exactly \"AB\" but got " + reply.length()
                    + " characters (did you decode the whole 1024-byte buffer instead of the bytes read?)",
                    "发送了 \"ab\"，期望正好收到 \"AB\"，却收到了 " + reply.length()
                    + " 个字符（是不是把整个 1024 字节的缓冲区都解码了，而不是只解码读到的那些字节？）") + "\n" + client.log());
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
                    say("the caller hung up without speaking and your server threw " + server.failures()
                            + " (read returns -1 at end of stream: check it)",
                            "来电者一句话没说就挂断了，你的服务器却抛出了 " + server.failures()
                            + "（读到流结束时 read 返回 -1：要检查这个返回值）") + "\n" + client.log());
        }
    }
}
