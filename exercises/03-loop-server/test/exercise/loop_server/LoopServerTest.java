package exercise.loop_server;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(15)
class LoopServerTest {

    @Test
    @Tag("points=3")
    void answersManyMessagesOnOneConnection() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("one");
            client.expectReply("ONE");
            client.send("two");
            client.expectReply("TWO");
            client.send("three");
            client.expectReply("THREE");
        }
    }

    @Test
    @Tag("points=3")
    void servesTheNextClientAfterOneLeaves() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            try (RecordingClient first = RecordingClient.connect(server.port())) {
                first.send("first");
                first.expectReply("FIRST");
            }
            try (RecordingClient second = RecordingClient.connect(server.port())) {
                second.send("second");
                second.expectReply("SECOND");
            }
        }
    }

    @Test
    @Tag("points=2")
    void quitEndsTheConnectionWithoutAReply() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hello");
            client.expectReply("HELLO");
            client.send("quit");
            client.expectClosed();
        }
    }

    @Test
    @Tag("points=2")
    void returnsWhenTheListeningSocketIsClosed() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            try (RecordingClient client = RecordingClient.connect(server.port())) {
                client.send("ping");
                client.expectReply("PING");
            }
            server.stopAndAssertNoThreadLeft();
            assertTrue(server.failures().isEmpty(),
                    say("closing the listening socket should make serve return quietly, but it threw ",
                            "关闭监听套接字后，serve 应该安静地返回，但它抛出了 ") + server.failures());
        }
    }
}
