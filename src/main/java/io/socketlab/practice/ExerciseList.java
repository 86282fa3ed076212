package io.socketlab.practice;

import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.progress.Progress;
import java.util.ArrayList;
import java.util.List;

/** The exercises a line each, with done marks and where the learner is: for {@code list} and watch's l. */
public final class ExerciseList {
    private ExerciseList() {
    }

    /**
     * One line per exercise: a marker on {@code currentId}, done or not, the id padded to the longest
     * so that titles line up, the title and the points. {@code plain} uses ASCII marks.
     */
    public static List<String> lines(List<Exercise> exercises, Progress progress, String currentId, boolean plain, Lang lang) {
        int width = exercises.stream().mapToInt(e -> e.id().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (Exercise exercise : exercises) {
            boolean done = progress.isDone(exercise.id());
            String mark = plain ? (done ? "[x]" : "[ ]") : (done ? "✓" : "·");
            String here = exercise.id().equals(currentId) ? (plain ? ">" : "▸") : " ";
            lines.add(String.format(" %s %s %-" + width + "s  %s (%d)", here, mark, exercise.id(), exercise.title(lang), exercise.points()));
        }
        return lines;
    }
}
