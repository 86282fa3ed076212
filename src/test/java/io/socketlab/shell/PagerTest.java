package io.socketlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PagerTest {

    @Test
    void ctrlCInThePagerDoesNotReachTheCourseAndQLeaves() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = TerminalBuilder.builder().system(false).streams(in, screen)
                .type("xterm-256color").size(new Size(80, 24)).encoding(StandardCharsets.UTF_8).build()) {
            AtomicInteger course = new AtomicInteger();
            // stands for the default, which would end the JVM on a real terminal
            Terminal.SignalHandler courseHandler = signal -> course.incrementAndGet();
            terminal.handle(Terminal.Signal.INT, courseHandler);
            List<AttributedString> lines = new ArrayList<>();
            for (int i = 1; i <= 200; i++) {
                lines.add(new AttributedString("line " + i));
            }
            Pager pager = new Pager(terminal);
            assertTrue(pager.needsPaging(lines));
            CompletableFuture<Void> paging = CompletableFuture.runAsync(() -> {
                try {
                    pager.show(lines, "long");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!screen.toString(StandardCharsets.UTF_8).contains("line 20")) {
                assertTrue(System.nanoTime() < deadline && !paging.isDone(), screen.toString(StandardCharsets.UTF_8));
                Thread.onSpinWait();
            }
            terminal.raise(Terminal.Signal.INT);
            typing.write('q');
            typing.flush();
            paging.get(20, TimeUnit.SECONDS);
            assertEquals(0, course.get(), "Ctrl-C in the pager reached the course's handler");
            assertFalse(screen.toString(StandardCharsets.UTF_8).contains("line 199"));
            // the course's handler is back once the pager is closed
            assertEquals(courseHandler, terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_DFL));
        }
    }
}
