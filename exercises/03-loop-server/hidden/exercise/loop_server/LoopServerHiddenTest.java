package exercise.loop_server;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Instructor notes: the reset test catches a try/catch around the whole server (one vanished
// client kills it); the empty-close test catches a loop that spins on read() == -1 or replies "";
// the quit-with-newline test catches equals("quit") without strip (nc and telnet send "quit\n").
@Timeout(15)
class LoopServerHiddenTest {

    @Test
    void survivesAClientThatVanishesMidMessage() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            RecordingClient vanishing = RecordingClient.connect(server.port());
            vanishing.send("half a mess");
            vanishing.expectReply("HALF A MESS");
            vanishing.send("age that never ends");
            vanishing.reset();
            try (RecordingClient next = RecordingClient.connect(server.port())) {
                next.send("still there?");
                String reply = next.expectSomeReply();
                assertTrue(reply.equals("STILL THERE?"),
                        say("after a client reset its connection, the next client should still be served",
                                "一个客户端重置连接之后，下一个客户端仍然应该得到服务") + "\n" + next.log());
            }
        }
    }

    @Test
    void aClientThatClosesSilentlyDoesNotBlockTheNext() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            try (RecordingClient silent = RecordingClient.connect(server.port())) {
                silent.shutdownOutput();
                silent.expectClosed();
            }
            try (RecordingClient next = RecordingClient.connect(server.port())) {
                next.send("next");
                next.expectReply("NEXT");
            }
        }
    }

    @Test
    void quitFollowedByANewlineAlsoEndsTheClient() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("quit\n");
            client.expectClosed();
        }
    }
}
