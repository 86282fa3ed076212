package io.socketlab.cli;

import io.socketlab.course.Lesson;
import io.socketlab.render.RenderOptions;
import io.socketlab.shell.Pager;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab read N}: one chapter, paged on a terminal, plain text when piped. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Show a chapter. On a terminal it is paged (space, b, q); piped, it is plain text.")
final class ReadCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "N", arity = "0..1", descriptionKey = "N",
            description = "Chapter number (default: the chapter you are on).")
    Integer chapter;

    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "Wrap to this many columns (default: the terminal's width, 80 when unknown).")
    Integer width;

    /** False for the launcher's warm-up, which must not mark a chapter read. */
    boolean record = true;

    /** The read cache to use instead of the course's own (tests), or null. */
    ReadCache cache;

    @Override
    public Integer call() throws Exception {
        Workspace ws = main.workspace();
        int number = chapter != null ? chapter : record ? ws.progress().currentChapter() : 1;
        Lesson lesson = ws.chapter(number).orElse(null);
        if (lesson == null) {
            var course = ws.course();
            ws.err().println(ws.messages().get("chapter.unknown", number, course.firstChapter(), course.lastChapter()));
            return 2;
        }
        Renderer render = options -> ws.renderer(options).render(lesson, io.socketlab.i18n.Messages.of("render", ws.lang()));
        if (paged(main, ws)) {
            show(main, ws, width, render);
        } else {
            ws.out().print(plainText(ws, lesson, plainOptions(ws, width), render));
            ws.out().flush();
        }
        if (record) {
            markRead(ws, number);
        }
        return 0;
    }

    /**
     * Prints rendered Markdown: plain text when standard output is not a terminal (or with
     * {@code --plain} or {@code TERM=dumb}), else for the terminal's width, paged when it is taller
     * than the screen, in colour unless {@code NO_COLOR} is set.
     *
     * @param width columns asked for with {@code --width}, or null
     */
    static void show(Main main, Workspace ws, Integer width, Renderer render) throws IOException {
        if (!paged(main, ws)) {
            ws.out().print(text(render.render(plainOptions(ws, width))));
            ws.out().flush();
            return;
        }
        try (Terminal terminal = main.terminals().open()) {
            int columns = width != null ? width : terminal.getWidth();
            boolean color = !ws.options().plainRequested();
            List<AttributedString> lines = render.render(RenderOptions.of(columns, color, RenderOptions.asciiWanted(ws.options().env())));
            new Pager(terminal, ws.lang()).show(lines);
        }
    }

    private static boolean paged(Main main, Workspace ws) {
        return !ws.options().plainTextRequested() && main.terminals().stdoutIsTerminal();
    }

    private static RenderOptions plainOptions(Workspace ws, Integer width) {
        return RenderOptions.plain(width != null ? width : envWidth(ws));
    }

    private static String text(List<AttributedString> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.toString()).append('\n'));
        return text.toString();
    }

    /** The chapter as plain text: from the read cache when it holds this very chapter, else rendered and kept there. */
    private String plainText(Workspace ws, Lesson lesson, RenderOptions options, Renderer render) throws IOException {
        ReadCache cache = this.cache != null ? this.cache : ReadCache.of(ws.options().courseRoot()).orElse(null);
        if (cache == null) {
            return text(render.render(options));
        }
        String key = cache.key(lesson, options, ws.includes().filesRead());
        var kept = cache.get(lesson, options, key);
        if (kept.isPresent()) {
            return kept.get();
        }
        String text = text(render.render(options));
        cache.put(lesson, options, key, text);
        return text;
    }

    /** Renders for the given options. */
    @FunctionalInterface
    interface Renderer {
        List<AttributedString> render(RenderOptions options) throws IOException;
    }

    private static int envWidth(Workspace ws) {
        try {
            return Integer.parseInt(ws.options().env().getOrDefault("COLUMNS", ""));
        } catch (NumberFormatException e) {
            return RenderOptions.DEFAULT_WIDTH;
        }
    }

    /** Records the chapter as read; a chapter read before costs only the reading of the file, not a write under its lock. */
    private static void markRead(Workspace ws, int number) {
        if (!ws.progress().isRead(number)) {
            ws.updateProgress(progress -> progress.markRead(number));
        }
    }
}
