package io.socketlab.cli;

import io.socketlab.course.Lesson;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.render.LessonRenderer;
import io.socketlab.render.RenderOptions;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * Hidden: does the work of a typical session once, writing nothing, so the launcher can record the
 * classes it loads into a class-data-sharing archive that makes later starts fast.
 */
@Command(name = "warmup", hidden = true, description = "Load what a typical run uses (for the launcher's start-up archive).")
final class WarmupCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

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
        try (Terminal terminal = TerminalBuilder.builder().system(false)
                .streams(new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream())
                .type("xterm-256color").build()) {
            LineReaderBuilder.builder().terminal(terminal).build();
        }
        new io.socketlab.progress.ProgressStore(ws.options().courseRoot(), w -> { }).load();
        return 0;
    }
}
