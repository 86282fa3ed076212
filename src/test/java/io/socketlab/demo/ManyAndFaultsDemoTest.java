package io.socketlab.demo;

import io.socketlab.demo.live.DemoSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chapter 10's faults demo: each failure provoked for real, with the exception the lesson names. */
@Timeout(120)
class ManyAndFaultsDemoTest {
    @Test
    void eachFaultShowsTheExceptionTheLessonPromises() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("faults").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("refused");
            out.awaitLine(l -> l.equals("CLIENT: refused: the call threw java.net.ConnectException: Connection refused"));
            session.typeAsClient("reset");
            out.awaitLine(l -> l.startsWith("CLIENT: reset: the call threw java.net.SocketException: Connection reset"));
            session.typeAsClient("timeout");
            out.awaitLine(l -> l.equals("CLIENT: timeout: the call threw java.net.SocketTimeoutException: Read timed out"));
            session.typeAsClient("unreachable");
            out.awaitLine(l -> l.startsWith("CLIENT: unreachable: the call threw java.net.PortUnreachableException"));
        }
    }
}
