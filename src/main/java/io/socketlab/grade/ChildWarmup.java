package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tests the tests' JVM runs once, before any learner's, while the parent is still compiling (see
 * {@link ChildTestRunner}): they go through what a course test does (a server under
 * {@link ServerRunner}, a {@link RecordingClient} on loopback, a failed assertion) so those
 * classes are loaded and compiled when the learner's first test starts. Their results go nowhere.
 */
@Timeout(10)
class ChildWarmup {

    @Test
    @Tag("points=1")
    void aServerAnswersAClient() throws Exception {
        try (ServerRunner server = ServerRunner.start(ChildWarmup::upperCaseOneLine);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("warm");
            assertEquals("WARM", client.readUntilClosed(), client.log());
            server.awaitReturn(2000);
        }
    }

    @Test
    void aFailedAssertionIsExplained() {
        assertEquals("expected", "actual", "the explanation of a failure is loaded too");
    }

    private static void upperCaseOneLine(ServerSocket listening) throws Exception {
        try (Socket call = listening.accept(); InputStream in = call.getInputStream()) {
            byte[] buffer = new byte[64];
            int count = in.read(buffer);
            String heard = count < 0 ? "" : new String(buffer, 0, count, StandardCharsets.UTF_8);
            call.getOutputStream().write(heard.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        }
    }
}
