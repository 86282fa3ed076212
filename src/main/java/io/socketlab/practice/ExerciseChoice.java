package io.socketlab.practice;

import io.socketlab.course.Exercise;
import io.socketlab.course.Lesson;
import io.socketlab.progress.Progress;
import java.util.List;
import java.util.Optional;

/**
 * Which exercise a command works on, the one rule for {@code check}, {@code hint}, {@code solution},
 * {@code reset} and {@code watch} on the command line and in the shell.
 */
public final class ExerciseChoice {
    private ExerciseChoice() {
    }

    /** The exercise named by its id or its number ({@code 3} is {@code 03-loop-server}). */
    public static Optional<Exercise> named(List<Exercise> all, String name) {
        return all.stream().filter(e -> e.isNamed(name)).findFirst();
    }

    /** The exercise last worked on, else the first not yet passed, else the first; empty only for no exercises. */
    public static Optional<Exercise> current(List<Exercise> all, Progress progress) {
        return all.stream().filter(e -> e.id().equals(progress.currentExercise())).findFirst()
                .or(() -> all.stream().filter(e -> !progress.isDone(e.id())).findFirst())
                .or(() -> all.stream().findFirst());
    }

    /**
     * The exercise of the chapter being read: the first of its exercises not yet passed (with
     * {@code passedFirst}, the first passed, as {@code solution} wants), else its first; in a chapter
     * without exercises, the one last worked on.
     */
    public static Optional<Exercise> inChapter(List<Exercise> all, Lesson lesson, Progress progress, boolean passedFirst) {
        List<Exercise> here = all.stream().filter(e -> lesson.exercises().contains(e.id())).toList();
        if (here.isEmpty()) {
            return all.stream().filter(e -> e.id().equals(progress.currentExercise())).findFirst();
        }
        return here.stream().filter(e -> progress.isDone(e.id()) == passedFirst).findFirst().or(() -> here.stream().findFirst());
    }
}
