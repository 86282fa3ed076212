package io.socketlab.practice;

import io.socketlab.course.Exercise;
import io.socketlab.grade.CheckResult;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.ProgressStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What follows every check, wherever it ran: the verdict is recorded in the learner's progress and
 * one line says what to do next, in the words of the place the learner is in.
 */
public final class AfterCheck {
    /** Where the learner asked for the check, which decides how the next step is spelled. */
    public enum Where {
        /** {@code ./socketlab check}: next steps are commands to type at the system prompt. */
        COMMAND_LINE,
        /** The course shell: next steps are shell commands. */
        SHELL,
        /** {@code watch}: next steps are keys. */
        WATCH
    }

    private AfterCheck() {
    }

    /** Makes {@code exercise} the current one and, when it passed, marks it done. */
    public static void record(ProgressStore store, Exercise exercise, CheckResult result) {
        store.update(progress -> {
            progress.setCurrentExercise(exercise.id());
            if (result.passed()) {
                progress.markDone(exercise.id());
            }
        });
    }

    /**
     * The line that says what to do after {@code result}: compare with the solution once passed,
     * fix and ask for a hint otherwise; empty after a compile error, whose report already says
     * where to look, and after a failure in watch, whose key line follows.
     */
    public static Optional<String> nextStep(Exercise exercise, CheckResult result, Where where, Path courseRoot, Lang lang) {
        Messages text = Messages.of("grade", lang);
        if (result.passed()) {
            if (!Solutions.hasOne(exercise)) {
                return Optional.of(text.get("report.well-done"));
            }
            return Optional.of(switch (where) {
                case COMMAND_LINE -> text.get("report.solution", exercise.id());
                case SHELL -> text.get("report.solution-shell", exercise.id());
                case WATCH -> text.get("watch.solution-key");
            });
        }
        if (result.compileFailed()) {
            return Optional.empty();
        }
        return switch (where) {
            case COMMAND_LINE -> Optional.of(text.get("report.stuck", exercise.id()));
            case SHELL -> Optional.of(text.get("report.stuck-shell", courseRoot.relativize(exercise.srcDir()), exercise.id()));
            case WATCH -> Optional.empty();
        };
    }
}
