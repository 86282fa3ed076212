package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import java.util.List;
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
        Progress progress = store.load();
        Exercise exercise = CheckCommand.choose(options.courseRoot(), exerciseName, progress, text);
        if (exercise == null) {
            return 2;
        }
        System.out.println(nextHint(exercise, progress, options.lang()));
        store.save(progress);
        return 0;
    }

    /**
     * The next hint not yet seen (after the last one, the first again), with its heading; counts it
     * as seen in {@code progress}. The caller saves progress.
     */
    static String nextHint(Exercise exercise, Progress progress, Lang lang) {
        Messages text = Messages.of("grade", lang);
        List<String> hints = exercise.hints(lang);
        if (hints.isEmpty()) {
            return text.get("cli.no-hints", exercise.id());
        }
        int seen = progress.hintsShown(exercise.id());
        int index = seen >= hints.size() ? 0 : seen;
        StringBuilder shown = new StringBuilder(text.get("cli.hint", index + 1, hints.size(), exercise.id()));
        shown.append("\n  ").append(hints.get(index));
        if (index + 1 == hints.size()) {
            shown.append('\n').append(text.get("cli.all-hints", exercise.id()));
        }
        progress.setHintsShown(exercise.id(), index + 1);
        return shown.toString();
    }
}
