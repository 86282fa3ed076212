package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.trace.Side;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chapter 9's many demo, as the lesson's "Run it" promises: who is served when under each server
 * model. Chapter 10's faults demo: each failure provoked for real, with the exception the lesson names.
 */
@Timeout(120)
class ManyAndFaultsDemoTest {
    private static DemoSession many(RecordingOutput out) throws Exception {
        DemoSession session = Demos.get("many").open(out);
        session.start("127.0.0.1");
        out.awaitLine(l -> l.startsWith("SERVER: server model one"));
        return session;
    }

    @Test
    void withModelOneTheSecondClientIsServedOnlyAfterTheFirstHangsUp() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = many(out)) {
            session.typeAsClient("a hello");
            out.awaitLine("CLIENT: a got: HELLO"::equals);
            session.typeAsClient("b hi");
            out.awaitEvent(e -> e.call().equals("b: sendall"));
            // a is still being served: its next line is answered, b's is not
            session.typeAsClient("a again");
            out.awaitLine("CLIENT: a got: AGAIN"::equals);
            assertFalse(out.lines().contains("CLIENT: b got: HI"), out.lines().toString());
            session.typeAsClient("a quit");
            out.awaitLine("CLIENT: b got: HI"::equals);
            List<String> lines = out.lines();
            assertTrue(lines.indexOf("CLIENT: a hung up") < lines.indexOf("CLIENT: b got: HI"), lines.toString());
        }
    }

    @Test
    void withThreadsBothClientsAreServedAtOnce() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = many(out)) {
            session.typeAsClient("threads");
            out.awaitLine(l -> l.startsWith("SERVER: server model threads"));
            session.typeAsClient("a hello");
            out.awaitLine("CLIENT: a got: HELLO"::equals);
            session.typeAsClient("b hi");
            out.awaitLine("CLIENT: b got: HI"::equals);
            assertFalse(out.lines().contains("CLIENT: a hung up"), out.lines().toString());
        }
    }

    @Test
    void aFullPoolTurnsTheFourthClientAway() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = many(out)) {
            session.typeAsClient("pool");
            out.awaitLine(l -> l.startsWith("SERVER: server model pool: 2 threads, room for 1"));
            session.typeAsClient("a hello");
            out.awaitLine("CLIENT: a got: HELLO"::equals);
            session.typeAsClient("b hi");
            out.awaitLine("CLIENT: b got: HI"::equals);
            session.typeAsClient("c hey");
            out.awaitEvent(e -> e.call().equals("c: sendall"));
            session.typeAsClient("d yo");
            out.awaitLine(l -> l.startsWith("SERVER: pool full: turning away "));
            // chapter 5's client reads as many bytes as it sent: the start of "server busy, try again later"
            out.awaitLine("CLIENT: d got: se"::equals);
            assertFalse(out.lines().contains("CLIENT: c got: HEY"), "c waits in the queue: " + out.lines());
            session.typeAsClient("a quit");
            out.awaitLine("CLIENT: c got: HEY"::equals);
        }
    }

    @Test
    void theSelectorModelShowsTheReadinessOfEachTurn() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = many(out)) {
            session.typeAsClient("selector");
            out.awaitLine(l -> l.startsWith("SERVER: server model selector"));
            session.typeAsClient("a hello");
            out.awaitLine("CLIENT: a got: HELLO"::equals);
            session.typeAsClient("b hi");
            out.awaitLine("CLIENT: b got: HI"::equals);
            out.awaitLine(l -> l.startsWith("SERVER: select: listening socket OP_ACCEPT"));
            out.awaitLine(l -> l.matches("SERVER: select: 127\\.0\\.0\\.1:\\d+ OP_READ"));
        }
    }

    @Test
    void eachFaultShowsTheExceptionTheLessonPromises() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("faults").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("refused");
            out.awaitLine(l -> l.equals("CLIENT: refused: the call threw java.net.ConnectException: Connection refused"));
            session.typeAsClient("reset");
            out.awaitLine(l -> l.startsWith("CLIENT: reset: the call threw java.net.SocketException: Connection reset"));
            session.typeAsClient("pipe");
            out.awaitLine(l -> l.equals("CLIENT: pipe: the call threw java.net.SocketException: Broken pipe"));
            session.typeAsClient("timeout");
            out.awaitLine(l -> l.equals("CLIENT: timeout: the call threw java.net.SocketTimeoutException: Read timed out"));
            session.typeAsClient("full");
            out.awaitLine(l -> l.equals("CLIENT: full: the call threw java.net.SocketTimeoutException: Connect timed out"));
            session.typeAsClient("unreachable");
            out.awaitLine(l -> l.equals("CLIENT: unreachable: the call threw java.net.PortUnreachableException"));
            // the trace marks the very call that failed, where a learner's own program would stop
            for (String[] failed : new String[][] {{"connect", "threw ConnectException: Connection refused"},
                    {"recv", "threw SocketException: Connection reset"}, {"sendall", "threw SocketException: Broken pipe"},
                    {"recv", "threw SocketTimeoutException: Read timed out"}, {"connect", "threw SocketTimeoutException: Connect timed out"},
                    {"recvfrom", "threw PortUnreachableException"}}) {
                out.awaitEvent(e -> e.side() == Side.CLIENT && e.call().equals(failed[0]) && e.detail().equals(failed[1]));
            }
        }
    }
}
