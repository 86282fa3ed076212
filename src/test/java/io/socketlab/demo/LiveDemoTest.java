package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.live.LiveDemo;
import io.socketlab.i18n.Lang;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** The live mode driven through a jline terminal built on streams. */
class LiveDemoTest {
    private static String runLive(String demo, String typed, boolean color, Lang lang) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(keyboard, 4096);
        keyboard.write(typed.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        // ExternalTerminal writes synchronously to the stream; a pty-backed terminal pumps output on
        // a thread and may drop its tail at close, which made the screen assertions flaky
        try (Terminal terminal = new ExternalTerminal("live-demo-test", "xterm-256color", keys, screen, StandardCharsets.UTF_8)) {
            terminal.setSize(new Size(100, 30));
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            LiveDemo.run(reader, demo, lang, color);
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    private static int demoThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("socketlab-demo-") && t.isAlive()).count();
    }

    @Test
    void typedLinesComeBackUpperCasedWithBothSidesTracedAndStopEndsCleanly() throws Exception {
        String screen = runLive("tcp-loop", "hello\nhex\nab\nstop\n", false, Lang.EN);
        assertTrue(screen.contains("[client] reply: HELLO"), screen);
        assertTrue(screen.contains("accept 127.0.0.1:"), screen);
        assertTrue(screen.contains("connect 127.0.0.1:"), screen);
        assertTrue(screen.contains("\"hello\""), screen);
        assertTrue(screen.contains("61 62"), "hex toggle shows the bytes of 'ab': " + screen);
        assertFalse(screen.contains("\u001b[36m") || screen.contains("\u001b[33m") || screen.contains("\u001b[1m"),
                "no colour codes when colour is off");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (demoThreads() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(demoThreads() == 0, "demo threads left behind");
    }

    @Test
    void chineseTextAndColourAreUsedWhenAsked() throws Exception {
        String screen = runLive("udp-echo", "udp\nstop\n", true, Lang.ZH);
        assertTrue(screen.contains("[客户端]") && screen.contains("\u001b[0m 回复：UDP"), "the session's own line is in Chinese: " + screen);
        assertTrue(screen.contains("演示"), screen);
        assertTrue(screen.contains("\u001b["), "colour codes when colour is on");
    }

    @Test
    void chatLetsTheLearnerAnswerAsTheServer() throws Exception {
        String screen = runLive("chat", "TOM\nhey\n!yo\nstop\n", false, Lang.EN);
        assertTrue(screen.contains("message from [127.0.0.1:"), screen);
        assertTrue(screen.contains("hey"), screen);
        assertTrue(screen.contains("start a line with !"), screen);
    }
}
