package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.Includes;
import io.socketlab.practice.Solutions;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import io.socketlab.render.LessonRenderer;
import io.socketlab.render.RenderOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.utils.AttributedString;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab solution [EXERCISE]}: the reference solution, once the learner's code has passed. */
@Command(name = "solution", description = "Show the reference solution of an exercise you have passed.")
public final class SolutionCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    /** Columns for plain output: wide enough that no line of code is cut. */
    private static final int UNWRAPPED = 10_000;

    @Parameters(arity = "0..1", paramLabel = "EXERCISE", descriptionKey = "EXERCISE", description = "Exercise id or number (default: the current one).")
    String exerciseName;

    @Override
    public Integer call() throws IOException {
        Workspace ws = parent.workspace();
        Path root = ws.options().courseRoot();
        Progress progress = ws.progress();
        Exercise exercise = CheckCommand.choose(root, exerciseName, progress, Messages.of("grade", ws.lang()), ws.err());
        if (exercise == null) {
            return 2;
        }
        String refusal = Solutions.refusal(exercise, progress, ws.lang());
        if (refusal != null) {
            ws.err().println(refusal);
            return 1;
        }
        String markdown = Solutions.markdown(exercise, ws.lang());
        // Plain output is for copying: code lines stay whole instead of being cut at 80 columns.
        boolean styled = !ws.options().plainRequested() && parent.terminals().stdoutIsTerminal();
        ReadCommand.show(parent, ws, styled ? null : UNWRAPPED, exercise.id(), options -> render(root, options, markdown));
        return 0;
    }

    /** The solution of {@code exercise} rendered with {@code options}, or why it cannot be shown. */
    static List<AttributedString> render(Path root, Exercise exercise, Progress progress, Lang lang, RenderOptions options) throws IOException {
        String refusal = Solutions.refusal(exercise, progress, lang);
        if (refusal != null) {
            return List.of(new AttributedString(refusal));
        }
        return render(root, options, Solutions.markdown(exercise, lang));
    }

    private static List<AttributedString> render(Path root, RenderOptions options, String markdown) {
        return new LessonRenderer(options, new Includes(root)).render(markdown);
    }
}
