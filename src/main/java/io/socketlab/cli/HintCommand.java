package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.practice.Hints;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab hint EXERCISE}: the next hint not yet seen; progress remembers how many. */
@Command(name = "hint", description = "Show the next hint of an exercise.")
public final class HintCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Parameters(arity = "0..1", paramLabel = "EXERCISE", descriptionKey = "EXERCISE", description = "Exercise id or number (default: the current one).")
    String exerciseName;

    @Override
    public Integer call() {
        GlobalOptions options = parent.options;
        Messages text = Messages.of("grade", options.lang());
        ProgressStore store = parent.workspace().progressStore();
        Exercise exercise = CheckCommand.choose(options.courseRoot(), exerciseName, store.load(), text, parent.workspace().err());
        if (exercise == null) {
            return 2;
        }
        Progress after = store.update(progress -> Hints.advance(exercise, progress, options.lang()));
        parent.workspace().out().println(Hints.current(exercise, after, options.lang()));
        return 0;
    }
}
