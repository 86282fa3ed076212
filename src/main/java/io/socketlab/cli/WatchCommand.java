package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.practice.WatchSession;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.ProgressStore;
import io.socketlab.render.RenderOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab watch [EXERCISE] [--poll]}: re-checks an exercise (the current one by default) on every save. */
@Command(name = "watch", description = "Re-check the current exercise on every save; press n for the next one once it passes.")
public final class WatchCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Parameters(arity = "0..1", paramLabel = "EXERCISE", descriptionKey = "EXERCISE", description = "Exercise id or number (default: the current one).")
    String exerciseName;

    @Option(names = "--poll", description = "Compare file times instead of waiting for file events (WSL, network drives).")
    boolean poll;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = parent.options;
        Messages text = Messages.of("grade", options.lang());
        Exercise start = CheckCommand.choose(options.courseRoot(), exerciseName,
                parent.workspace().progressStore().load(), text, parent.workspace().err());
        if (start == null) {
            return 2;
        }
        var exercises = ExerciseLoader.load(options.courseRoot(), new ArrayList<>());
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            boolean color = !options.plainRequested();
            new WatchSession(terminal, options.courseRoot(), exercises, start, options.lang(), color, poll,
                    exercise -> solutionText(options, terminal, exercise, color), result -> { }).run();
        }
        return 0;
    }

    /** The unlocked solution, rendered for this terminal (highlighted unless plain was asked for). */
    private static String solutionText(GlobalOptions options, Terminal terminal, Exercise exercise, boolean color) {
        RenderOptions render = RenderOptions.of(terminal.getWidth(), color, RenderOptions.asciiWanted(options.env()));
        try {
            StringBuilder text = new StringBuilder();
            for (AttributedString line : SolutionCommand.render(options.courseRoot(), exercise,
                    new ProgressStore(options.courseRoot(), warning -> { }).load(), options.lang(), render)) {
                text.append(line.toAnsi(terminal)).append('\n');
            }
            return text.toString().stripTrailing();
        } catch (IOException e) {
            return Messages.of("grade", options.lang()).get("error.io", e.getMessage());
        }
    }
}
