package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.trace.Side;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chapter 9's many demo (who is served when, per server model) and chapter 10's faults demo (each failure, for real). */
@Timeout(60)
class ManyAndFaultsDemoTest {

    @Test
    void withModelOneTheSecondClientIsAnsweredOnlyAfterTheFirstHangsUp() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.open("many", out)) {
            session.start("127.0.0.1");
            session.typeAsClient("a hello");
            out.awaitLine("CLIENT: a got: HELLO"::equals);
            session.typeAsClient("b hi");
            // b's line is in the server's queue; its connect succeeded (the system completed it)
            out.awaitEvent(e -> e.call().equals("b: sendall"));
            session.typeAsClient("a quit");
            out.awaitLine("CLIENT: b got: HI"::equals);
        }
        List<String> lines = out.lines();
        int aLeft = indexOf(lines, l -> l.startsWith("SERVER: ") && l.endsWith(" left"));
        int bServed = indexOf(lines, "CLIENT: b got: HI"::equals);
        assertTrue(aLeft >= 0 && aLeft < bServed, lines.toString());
        assertTrue(lines.get(0).contains("one, threads, pool, selector"), lines.toString());
    }

    @Test
    void withThreadsTwoClientsAreAnsweredWhileBothStayConnected() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.open("many", out)) {
            session.start("127.0.0.1");
            session.typeAsClient("threads");
            out.awaitLine(l -> l.startsWith("SERVER: server model threads"));
            session.typeAsClient("a hello");
            session.typeAsClient("b hi");
            out.awaitLine("CLIENT: a got: HELLO"::equals);
            out.awaitLine("CLIENT: b got: HI"::equals);
            assertTrue(out.lines().stream().noneMatch(l -> l.endsWith(" left")), out.lines().toString());
        }
    }

    @Test
    void aFullPoolKeepsTheThirdClientWaitingAndTurnsTheFourthAway() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.open("many", out)) {
            session.start("127.0.0.1");
            session.typeAsClient("pool");
            out.awaitLine(l -> l.startsWith("SERVER: server model pool"));
            session.typeAsClient("a hello");
            out.awaitLine("CLIENT: a got: HELLO"::equals);
            session.typeAsClient("b hi");
            out.awaitLine("CLIENT: b got: HI"::equals);
            session.typeAsClient("c wait");
            awaitAccepts(out, 3);
            session.typeAsClient("d me too");
            out.awaitLine("CLIENT: d got: server busy, try again later"::equals);
            session.typeAsClient("a quit");
            out.awaitLine("CLIENT: c got: WAIT"::equals);
        }
    }

    @Test
    void theSelectorServesEveryoneOnOneThreadAndShowsEachTurnsReadiness() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.open("many", out)) {
            session.start("127.0.0.1");
            session.typeAsClient("selector");
            out.awaitLine(l -> l.startsWith("SERVER: server model selector"));
            session.typeAsClient("a hello");
            session.typeAsClient("b hi");
            out.awaitLine("CLIENT: a got: HELLO"::equals);
            out.awaitLine("CLIENT: b got: HI"::equals);
        }
        List<String> lines = out.lines();
        assertTrue(lines.contains("SERVER: select: listening socket OP_ACCEPT"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("SERVER: select: 127\\.0\\.0\\.1:\\d+ OP_READ.*")), lines.toString());
    }

    @Test
    void eachFaultIsProvokedForRealAndTheTraceShowsTheCallThatThrew() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.open("faults", out)) {
            session.start("127.0.0.1");
            session.typeAsClient("refused");
            session.typeAsClient("reset");
            session.typeAsClient("pipe");
            session.typeAsClient("timeout");
            session.typeAsClient("full");
            session.typeAsClient("unreachable");
            session.typeAsClient("flood");
        }
        List<String> lines = out.lines();
        for (String expected : List.of(
                "CLIENT: refused: the call threw java.net.ConnectException: Connection refused",
                "CLIENT: reset: the call threw java.net.SocketException: Connection reset",
                "CLIENT: pipe: the call threw java.net.SocketException: Broken pipe",
                "CLIENT: timeout: the call threw java.net.SocketTimeoutException: Read timed out",
                "CLIENT: full: the call threw java.net.SocketTimeoutException: Connect timed out",
                "CLIENT: unreachable: the call threw java.net.PortUnreachableException: null",
                "CLIENT: no failure named flood; choose one of: refused, reset, pipe, timeout, full, unreachable")) {
            assertTrue(lines.contains(expected), expected + " in " + lines);
        }
        List<String> failed = out.events().stream().filter(e -> e.side() == Side.CLIENT && e.detail().startsWith("threw "))
                .map(e -> e.call() + " " + e.detail()).toList();
        assertTrue(failed.containsAll(List.of("connect threw ConnectException: Connection refused",
                "recv threw SocketException: Connection reset", "sendall threw SocketException: Broken pipe",
                "recv threw SocketTimeoutException: Read timed out", "connect threw SocketTimeoutException: Connect timed out",
                "recvfrom threw PortUnreachableException")), failed.toString());
    }

    private static void awaitAccepts(RecordingOutput out, int count) throws InterruptedException {
        out.awaitEvent(e -> out.events().stream().filter(x -> x.side() == Side.SERVER && x.call().equals("accept")).count() >= count);
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> test) {
        for (int i = 0; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
