package io.socketlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The pager on an 80×24 terminal built on streams, its screen read through a VT100 emulator. */
@Timeout(60)
class PagerTest {
    private static final List<AttributedString> TWO_HUNDRED_LINES = numberedLines(200);

    private PipedOutputStream typing;
    private EmulatedScreen screen;
    private Terminal terminal;

    @BeforeEach
    void openTerminal() throws IOException {
        typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing);
        screen = new EmulatedScreen(80, 24);
        terminal = TerminalBuilder.builder().provider("exec").system(false).streams(in, screen)
                .type("xterm-256color").size(new Size(80, 24)).encoding(StandardCharsets.UTF_8).build();
    }

    @AfterEach
    void closeTerminal() throws IOException {
        terminal.close();
    }

    private static List<AttributedString> numberedLines(int count) {
        List<AttributedString> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new AttributedString("line " + i));
        }
        return lines;
    }

    private CompletableFuture<Void> page(Lang lang, List<AttributedString> lines) {
        Pager pager = new Pager(terminal, lang);
        return CompletableFuture.runAsync(() -> {
            try {
                pager.show(lines);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void type(String keys) throws IOException {
        typing.write(keys.getBytes(StandardCharsets.UTF_8));
        typing.flush();
    }

    /**
     * The screen once it shows what {@code shows} wants and the status line is drawn whole on the
     * last row. The emulator sees every byte, so a redraw is seen half done: moving one line
     * scrolls the old status line up a row before the new one is written below it.
     */
    private String settled(java.util.function.Predicate<String> shows, String what) throws InterruptedException {
        return screen.await(s -> shows.test(s) && WHOLE_STATUS.matcher(lastRow(s)).matches(), what);
    }

    private static final java.util.regex.Pattern WHOLE_STATUS = java.util.regex.Pattern.compile("-- \\d+% -- .+/b/q --");

    private static String lastRow(String text) {
        return text.lines().reduce("", (a, b) -> b);
    }

    private static String bottomRow(String text) {
        String[] rows = text.split("\n");
        return rows[rows.length - 1].strip();
    }

    @Test
    void theStatusLineShowsHowFarAndWhichKeys() throws Exception {
        CompletableFuture<Void> paging = page(Lang.EN, TWO_HUNDRED_LINES);
        String shown = settled(s -> s.contains("line 23"), "the first page");
        // 23 of 200 lines are on screen
        assertEquals("-- 11% -- space/b/q --", bottomRow(shown));
        assertFalse(shown.contains("line 24\n"), shown);
        type("q");
        paging.get(20, TimeUnit.SECONDS);
    }

    @Test
    void theStatusLineIsTranslated() throws Exception {
        CompletableFuture<Void> paging = page(Lang.ZH, TWO_HUNDRED_LINES);
        String shown = settled(s -> s.contains("line 23"), "the first page");
        assertTrue(bottomRow(shown).startsWith("-- 11% -- 空"), shown);
        type("q");
        paging.get(20, TimeUnit.SECONDS);
    }

    @Test
    void spaceShowsTheNextPageBGoesBackAndTheArrowsMoveOneLine() throws Exception {
        CompletableFuture<Void> paging = page(Lang.EN, TWO_HUNDRED_LINES);
        settled(s -> s.contains("line 23"), "the first page");
        type(" ");
        String next = settled(s -> s.contains("line 46"), "the second page");
        assertTrue(next.startsWith("line 24"), next);
        assertEquals("-- 23% -- space/b/q --", bottomRow(next));
        type("b");
        settled(s -> s.startsWith("line 1\n"), "the first page again");
        type("\033[B");
        String down = settled(s -> s.startsWith("line 2\n"), "one line further");
        assertEquals("-- 12% -- space/b/q --", bottomRow(down));
        type("G");
        assertEquals("-- 100% -- space/b/q --", bottomRow(settled(s -> s.contains("line 200"), "the end")));
        type("q");
        paging.get(20, TimeUnit.SECONDS);
    }

    @Test
    void slashFindsTheNextLineWithTheText() throws Exception {
        CompletableFuture<Void> paging = page(Lang.EN, TWO_HUNDRED_LINES);
        settled(s -> s.contains("line 23"), "the first page");
        type("/line 150\r");
        settled(s -> s.startsWith("line 150\n"), "the line searched for at the top");
        type("q");
        paging.get(20, TimeUnit.SECONDS);
    }

    @Test
    void ctrlCInThePagerDoesNotReachTheCourseAndQLeaves() throws Exception {
        AtomicInteger course = new AtomicInteger();
        // stands for the default, which would end the JVM on a real terminal
        Terminal.SignalHandler courseHandler = signal -> course.incrementAndGet();
        terminal.handle(Terminal.Signal.INT, courseHandler);
        CompletableFuture<Void> paging = page(Lang.EN, TWO_HUNDRED_LINES);
        settled(s -> s.contains("line 20"), "the first page");
        terminal.raise(Terminal.Signal.INT);
        type("q");
        paging.get(20, TimeUnit.SECONDS);
        assertEquals(0, course.get(), "Ctrl-C in the pager reached the course's handler");
        // the course's handler is back once the pager is closed
        assertEquals(courseHandler, terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_DFL));
    }

    @Test
    void textThatFitsIsPrintedWithoutThePager() throws Exception {
        new Pager(terminal, Lang.EN).show(numberedLines(5));
        String shown = screen.await(s -> s.contains("line 5"), "the five lines");
        assertFalse(shown.contains("space/b/q"), shown);
    }
}
