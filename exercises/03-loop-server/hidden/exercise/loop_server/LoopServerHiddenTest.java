package exercise.loop_server;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// Instructor notes: the visible tests cover every requirement; these vary them: a client that
// resets right after connecting, before saying anything (a server that only guards the write, or
// treats the first read specially); "  QUIT  " is not quit (case matters, only whitespace is
// ignored); and three clients one after another, the middle one resetting.
@Timeout(15)
class LoopServerHiddenTest {

    @Test
    void survivesAClientThatResetsBeforeSpeaking() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            RecordingClient.connect(server.port()).reset();
            try (RecordingClient next = RecordingClient.connect(server.port())) {
                next.send("after the reset");
                next.expectReply("AFTER THE RESET");
            }
        }
    }

    @Test
    void quitInCapitalsIsAnOrdinaryMessage() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("  QUIT  ");
            client.expectReply("  QUIT  ");
        }
    }

    @Test
    void threeClientsTheMiddleOneResetting() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            try (RecordingClient first = RecordingClient.connect(server.port())) {
                first.send("a");
                first.expectReply("A");
            }
            RecordingClient middle = RecordingClient.connect(server.port());
            middle.send("b");
            middle.expectReply("B");
            middle.reset();
            try (RecordingClient last = RecordingClient.connect(server.port())) {
                last.send("c");
                last.expectReply("C");
            }
        }
    }
}
