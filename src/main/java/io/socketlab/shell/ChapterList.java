package io.socketlab.shell;

import io.socketlab.course.Lesson;
import io.socketlab.progress.Progress;

/** One line of a chapter listing: where-you-are mark, read mark, number, title. */
public final class ChapterList {
    private ChapterList() {
    }

    /** @param current the chapter the learner is on */
    public static String line(Lesson lesson, int current, Progress progress, boolean plain) {
        boolean here = current == lesson.number();
        boolean read = progress.isRead(lesson.number());
        String where = here ? (plain ? ">" : "▸") : " ";
        String mark = plain ? (read ? "[x]" : "[ ]") : (read ? "✓" : "·");
        return String.format(" %s %s %2d  %s", where, mark, lesson.number(), lesson.title());
    }
}
