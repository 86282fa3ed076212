package exercise.phone_server;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class PhoneServerTest {

    @Test
    @Tag("points=4")
    void repliesWithTheMessageUpperCased() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hello");
            client.expectReply("HELLO");
            server.awaitReturn(2000);
            assertTrue(server.failures().isEmpty(), () -> say("your server threw ", "你的服务器抛出了 ") + server.failures() + "\n" + client.log());
        }
    }

    @Test
    @Tag("points=3")
    void hangsUpAfterReplying() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("bye");
            client.expectReply("BYE");
            client.expectClosed();
        }
    }

    @Test
    @Tag("points=3")
    void returnsAndClosesTheListeningSocketAfterOneCall() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("one call");
            client.expectReply("ONE CALL");
            assertTrue(server.awaitReturn(2000),
                    say("answerOneCall should return after one call; it is still running (does it loop, or wait for a second call?)",
                            "answerOneCall 接完一通电话就应该返回，但它还在运行（是不是在循环，或者在等第二通电话？）") + "\n" + client.log());
            assertTrue(server.listening().isClosed(),
                    say("the listening socket is still open after the call: close it when you hang up",
                            "通话结束后监听套接字仍然开着：挂断时要把它关闭") + "\n" + client.log());
        }
    }
}
