package io.socketlab.practice;

import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import java.util.List;

/** The hints of an exercise, one at a time, for {@code hint}, the shell and watch alike. */
public final class Hints {
    private Hints() {
    }

    /**
     * Counts the next hint not yet seen as seen in {@code progress} (after the last one, the first
     * again). Made through {@code ProgressStore.update}, so it counts on from what is stored.
     */
    public static void advance(Exercise exercise, Progress progress, Lang lang) {
        List<String> hints = exercise.hints(lang);
        if (hints.isEmpty()) {
            return;
        }
        int seen = progress.hintsShown(exercise.id());
        progress.setHintsShown(exercise.id(), seen >= hints.size() ? 1 : seen + 1);
    }

    /** The hint {@link #advance} counted last, with its heading; or that the exercise has none. */
    public static String current(Exercise exercise, Progress progress, Lang lang) {
        Messages text = Messages.of("grade", lang);
        List<String> hints = exercise.hints(lang);
        if (hints.isEmpty()) {
            return text.get("cli.no-hints", exercise.id());
        }
        int index = Math.min(Math.max(progress.hintsShown(exercise.id()), 1), hints.size()) - 1;
        StringBuilder shown = new StringBuilder(text.get("cli.hint", index + 1, hints.size(), exercise.id()));
        shown.append("\n  ").append(hints.get(index));
        if (index + 1 == hints.size()) {
            shown.append('\n').append(text.get("cli.all-hints", exercise.id()));
        }
        return shown.toString();
    }
}
