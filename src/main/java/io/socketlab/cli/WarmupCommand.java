package io.socketlab.cli;

import io.socketlab.course.Lesson;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.render.LessonRenderer;
import io.socketlab.render.RenderOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import java.util.concurrent.Callable;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Hidden: does the work of a typical session once, writing nothing, so the launcher can record the
 * classes it loads into a class-data-sharing archive that makes later starts fast. The launcher
 * records several, because mapping a larger archive costs a start more (fresh pages are slow here):
 * one for {@code read} and the shell ({@code warmup --reading}, which {@link QuickStart} takes
 * without picocli, as it takes those two), one for every other command ({@code --commands}, with
 * the compiler, which `check` and `watch` start with) and one for the tests' JVMs (the whole
 * warm-up, with JUnit running tests). The learner's processes have theirs from {@code SubjectHost}.
 */
@Command(name = "warmup", hidden = true, description = "Load what a typical run uses (for the launcher's start-up archive).")
final class WarmupCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--reading", hidden = true,
            description = "Only what reading and the shell use, parsed without picocli (the cache of read and the shell).")
    boolean reading;

    @Option(names = "--commands", hidden = true,
            description = "What the other commands use, with the compiler but without JUnit (the cache of every other command).")
    boolean commands;

    @Override
    public Integer call() throws Exception {
        Workspace ws = main.workspace();
        var course = ws.course();
        for (Lang lang : Lang.values()) {
            Messages labels = Messages.of("render", lang);
            Messages.of("shell", lang);
            for (Lesson lesson : course.lessons(lang)) {
                for (RenderOptions options : new RenderOptions[] {RenderOptions.plain(80), RenderOptions.styled(100, false)}) {
                    LessonRenderer renderer = ws.renderer(options);
                    renderer.toText(renderer.render(lesson, labels));
                }
            }
        }
        try (Terminal terminal = Terminals.onStreams(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream())) {
            LineReaderBuilder.builder().terminal(terminal).build();
        }
        new io.socketlab.progress.ProgressStore(ws.options().courseRoot(), w -> { }).load();
        writeAndReadProgress();
        readAsALearnerWould(ws);
        if (!reading) {
            checkOnce();
        }
        if (!reading && !commands) {
            runTestsOnce();
        }
        return 0;
    }

    /**
     * Runs {@code read N --plain} for every chapter in each language, as the launcher's most common
     * command line does, into no output and without marking chapters read. It loads the classes of
     * that path for the archive and fills the read cache, so a first read costs no rendering either.
     */
    private void readAsALearnerWould(Workspace ws) throws Exception {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        String root = ws.options().courseRoot().toString();
        for (Lang lang : Lang.values()) {
            for (Lesson lesson : ws.course().lessons(lang)) {
                Main quiet = new Main(nowhere, nowhere, ws.options().env(), main.terminals());
                String[] line = {"--course", root, "--lang", lang.code(), "--plain", "read", String.valueOf(lesson.number())};
                ReadCommand read = (ReadCommand) QuickStart.command(quiet, line);
                read.record = false;
                read.call();
            }
        }
    }

    /**
     * Records and reads progress in a scratch folder: on a fresh clone there is no progress file
     * yet, and without this the JSON library's classes (about 70, loaded after every `read` has
     * printed its chapter) were left out of the archive (`read 3 --plain` then spent 64 ms on them).
     */
    private static void writeAndReadProgress() throws IOException {
        Path dir = Files.createTempDirectory("socketlab-warmup");
        try {
            var store = new io.socketlab.progress.ProgressStore(dir, w -> { });
            store.update(progress -> progress.markRead(1));
            store.load().isRead(1);
        } finally {
            io.socketlab.grade.ScratchFolders.delete(dir);
        }
    }

    /** Runs JUnit as every graded run's tests' JVM runs it: discovery, tests, their results. */
    private static void runTestsOnce() throws Exception {
        io.socketlab.grade.ChildTestRunner.rehearse();
    }

    /**
     * Checks an exercise of its own as `check` does, then compiles a class with mistakes, so
     * `check` finds the checker's and the compiler's classes, and the lambdas they make, in the
     * archive too.
     */
    private static void checkOnce() throws IOException {
        if (ToolProvider.getSystemJavaCompiler() != null) {
            io.socketlab.grade.CheckRehearsal.check();
            io.socketlab.grade.CheckRehearsal.compile();
        }
    }
}
