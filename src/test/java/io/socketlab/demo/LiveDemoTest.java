package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.i18n.Lang;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;

/** The live mode driven through a jline terminal built on streams, one typed line at a time. */
class LiveDemoTest {
    private static List<String> demoThreadsAfterWaiting() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> left = demoThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // look again in 1 ms, leaving the CPU to the code waited for
            left = demoThreads();
        }
        return left;
    }

    private static List<String> demoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("socketlab-demo-") && t.isAlive()).map(Thread::getName).toList();
    }

    @Test
    void typedLinesComeBackUpperCasedWithBothSidesTracedAndStopEndsCleanly() throws Exception {
        String screen;
        try (LiveScreen live = LiveScreen.start("tcp-loop", Lang.EN, false)) {
            live.await("client> ");
            live.type("hello");
            live.await("[client] reply: HELLO");
            live.type("hex");
            live.await("Bytes are now shown in hex.");
            live.type("ab");
            live.await("[client] reply: AB");
            live.type("stop");
            screen = live.finish();
        }
        assertTrue(screen.contains("accept 127.0.0.1:"), screen);
        assertTrue(screen.contains("connect 127.0.0.1:"), screen);
        assertTrue(screen.contains("\"hello\""), screen);
        assertTrue(screen.contains("61 62"), "hex toggle shows the bytes of 'ab': " + screen);
        assertTrue(screen.contains("Demo stopped"), screen);
        assertFalse(screen.contains("\u001b[36m") || screen.contains("\u001b[33m") || screen.contains("\u001b[1m"),
                "no colour codes when colour is off");
        assertEquals(List.of(), demoThreadsAfterWaiting(), "demo threads left behind");
    }

    @Test
    void chineseTextAndColourAreUsedWhenAsked() throws Exception {
        String screen;
        try (LiveScreen live = LiveScreen.start("udp-echo", Lang.ZH, true)) {
            live.await("客户端> ");
            live.type("udp");
            live.await("回复：UDP");
            live.type("stop");
            screen = live.finish();
        }
        assertTrue(screen.contains("[客户端]") && screen.contains("\u001b[0m 回复：UDP"), "the session's own line is in Chinese: " + screen);
        assertTrue(screen.contains("演示已结束"), screen);
        assertTrue(screen.contains("\u001b["), "colour codes when colour is on");
    }

    @Test
    void chatLetsTheLearnerAnswerAsTheServer() throws Exception {
        String screen;
        try (LiveScreen live = LiveScreen.start("chat", Lang.EN, false)) {
            live.await("client> ");
            live.type("TOM");
            live.await("writing to TOM");
            live.type("!too early");
            live.await("No message is waiting for an answer");
            live.type("hey");
            live.await("message from [127.0.0.1:");
            live.type("!yo");
            live.await("[client] reply: yo");
            live.type("stop");
            screen = live.finish();
        }
        assertTrue(screen.contains("start a line with !"), screen);
        assertFalse(screen.contains("reply: too early"), screen);
        assertEquals(List.of(), demoThreadsAfterWaiting(), "demo threads left behind");
    }

    @Test
    void ctrlCEndsTheDemoAndLeavesNoDemoThread() throws Exception {
        String screen;
        try (LiveScreen live = LiveScreen.start("tcp-loop", Lang.EN, false)) {
            live.await("client> ");
            live.type("ring");
            live.await("[client] reply: RING");
            live.await("client> ", 2);
            live.terminal().raise(Terminal.Signal.INT);
            screen = live.finish();
        }
        assertTrue(screen.contains("Demo stopped: every socket and thread is closed."), screen);
        assertEquals(List.of(), demoThreadsAfterWaiting(), "demo threads left behind after Ctrl-C");
    }

    @Test
    void stickyStartLineOffersMergeAndMergeShowsOneRecvOfThreeWrites() throws Exception {
        String screen;
        try (LiveScreen live = LiveScreen.start("sticky", Lang.ZH, false)) {
            live.await("输入 merge");
            live.await("客户端> ");
            live.type("merge");
            live.await("一次 recv 就拿到了 13 字节，它们来自 3 次单独的发送：one,two,three");
            live.type("stop");
            screen = live.finish();
        }
        assertTrue(screen.contains("\"one,two,three\""), "the trace shows the merged bytes of the one recv: " + screen);
    }
}
