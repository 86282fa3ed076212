package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.trace.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every demo driven end to end on loopback through its live session: transcript and trace. */
class DemoSessionsTest {
    @Test
    void phoneAnswersOneCallUpperCasedWithTheArticlesCallOrder() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("phone").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("hello");
            out.awaitEvent(e -> e.side() == Side.SERVER && e.call().equals("close") && e.detail().equals("listening socket"));
        }
        assertTrue(out.lines().contains("CLIENT: reply: HELLO"), out.lines().toString());
        assertTrue(out.lines().contains("SERVER: heard: hello"), out.lines().toString());
        assertEquals(List.of("socket", "bind", "listen", "accept", "recv:hello", "sendall:HELLO", "close", "close"),
                out.calls(Side.SERVER));
        assertEquals(List.of("socket", "connect", "sendall:hello", "recv:HELLO", "recv", "close"), out.calls(Side.CLIENT),
                "the client reads until the server hangs up");
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void phoneSkipsAnEmptyLineInsteadOfCallingWithZeroBytes() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("phone").open(out)) {
            session.start("127.0.0.1");
            // zero bytes sent would leave the server's read and the client's waiting for each other
            session.typeAsClient("");
            assertEquals(List.of(), out.calls(Side.CLIENT), "no call is made for an empty line");
            assertEquals(List.of(), out.calls(Side.SERVER));
            assertTrue(out.lines().contains("CLIENT: (empty line: not sent)"), out.lines().toString());
            session.typeAsClient("hi");
        }
        assertTrue(out.lines().contains("CLIENT: reply: HI"), out.lines().toString());
    }

    @Test
    void tcpLoopKeepsOneConnectionForManyMessagesAndServesTheNextClient() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("tcp-loop").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("one");
            session.typeAsClient("");
            session.typeAsClient("two");
            session.typeAsClient("quit");
            out.awaitLine(l -> l.equals("SERVER: client left"));
            session.typeAsClient("three");
        }
        List<String> client = out.calls(Side.CLIENT);
        assertEquals(List.of("socket", "connect", "sendall:one", "recv:ONE", "sendall:two", "recv:TWO", "close",
                "socket", "connect", "sendall:three", "recv:THREE", "close"), client);
        assertTrue(out.lines().contains("CLIENT: (empty line: not sent)"));
        assertEquals(2, out.calls(Side.SERVER).stream().filter(c -> c.equals("accept")).count());
    }

    @Test
    void udpEchoRepliesToTheSenderUpperCased() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("udp-echo").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("datagram");
            session.typeAsClient("");
        }
        assertTrue(out.lines().contains("CLIENT: reply: DATAGRAM"), out.lines().toString());
        assertTrue(out.calls(Side.SERVER).containsAll(List.of("socket", "bind", "recvfrom:datagram", "sendto:DATAGRAM")));
        assertEquals(List.of("socket", "bind", "sendto:datagram", "recvfrom:DATAGRAM"),
                out.calls(Side.CLIENT).subList(0, 4));
    }

    @Test
    void chatShowsTheSenderAndCarriesThePersonsReplyBack() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("chat").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("一棵树");
            session.typeAsClient("");
            session.typeAsClient("你好");
            String shown = out.awaitLine(l -> l.startsWith("SERVER: message from [127.0.0.1:"));
            assertTrue(shown.endsWith("]: 你好"), shown);
            session.typeAsServer("hi there");
            out.awaitLine(l -> l.equals("CLIENT: reply: hi there"));
            session.typeAsClient("quit");
            out.awaitLine(l -> l.startsWith("CLIENT: left the contact"));
        }
        assertTrue(out.lines().contains("CLIENT: (empty line: not sent)"));
        assertEquals(1, out.calls(Side.CLIENT).stream().filter(c -> c.startsWith("sendto")).count());
    }

    @Test
    void stickyLongReplySpillsIntoTheNextCommandsReply() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("sticky").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("dir");
            session.typeAsClient("whoami");
        }
        List<String> replies = out.lines().stream().filter(l -> l.startsWith("CLIENT: reply")).toList();
        assertEquals(2, replies.size(), replies.toString());
        assertTrue(replies.get(0).contains("lesson-01.md"));
        assertTrue(replies.get(1).contains("lesson-"), "the reply to whoami shows the tail of dir: " + replies.get(1));
        long recvOf1024 = out.events().stream()
                .filter(e -> e.side() == Side.CLIENT && e.call().equals("recv") && e.detail().equals("1024 of 1024 bytes")).count();
        assertEquals(2, recvOf1024);
    }

    @Test
    void mergeShowsThreeSmallWritesReadByTheServerInOneRecv() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("sticky").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("merge");
        }
        List<String> sends = out.calls(Side.CLIENT).stream().filter(c -> c.startsWith("sendall:")).toList();
        assertEquals(List.of("sendall:one,", "sendall:two,", "sendall:three"), sends, "each write is traced with its own bytes");
        List<String> serverRecvs = out.calls(Side.SERVER).stream().filter(c -> c.startsWith("recv:")).toList();
        assertEquals(List.of("recv:one,two,three"), serverRecvs, "the server's single recv holds all three messages");
        assertTrue(out.lines().contains("SERVER: one recv brought 13 bytes, written by 3 separate sends: one,two,three"),
                out.lines().toString());
    }

    @Test
    void framedRepliesCarryTheirLengthHeader() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("framed").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("abc");
        }
        assertTrue(out.lines().contains("CLIENT: reply: ABC"), out.lines().toString());
        assertTrue(out.events().stream().anyMatch(e -> e.side() == Side.CLIENT && e.call().equals("sendall")
                && java.util.Arrays.equals(e.data(), new byte[] {0, 0, 0, 3, 'a', 'b', 'c'})));
    }

    @Test
    void registryListsTheDemosInChapterOrder() {
        assertEquals(Demos.all().size(), Demos.ids().size(), "no id is registered twice");
        List<Integer> chapters = Demos.all().stream().map(Demo::chapter).toList();
        assertEquals(chapters.stream().sorted().toList(), chapters, "the registry is in chapter order");
        assertEquals(8, Demos.get("framed").chapter());
        assertEquals(13, Demos.get("states").chapter());
    }
}
