package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Lesson;
import io.socketlab.practice.ExerciseList;
import java.util.ArrayList;
import java.util.List;
import io.socketlab.progress.Progress;
import io.socketlab.shell.ChapterList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab list}: the chapters with read marks and where the learner is. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List chapters and exercises with your progress.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        Workspace ws = main.workspace();
        var course = ws.course();
        Progress progress = ws.progress();
        boolean plain = ws.options().plainRequested() || !main.terminals().stdoutIsTerminal();
        ws.out().println(ws.messages().get("list.chapters"));
        for (Lesson lesson : course.lessons(ws.lang())) {
            ws.out().println(ChapterList.line(lesson, progress.currentChapter(), progress, plain));
        }
        List<Exercise> exercises = ExerciseLoader.load(course.root(), new ArrayList<>());
        if (!exercises.isEmpty()) {
            ws.out().println();
            ws.out().println(ws.messages().get("list.exercises"));
            ExerciseList.lines(exercises, progress, progress.currentExercise(), plain, ws.lang()).forEach(ws.out()::println);
        }
        ws.out().println();
        ws.out().println(ws.messages().get(plain ? "list.legend.plain" : "list.legend"));
        ws.out().println(ws.messages().get("list.resume"));
        return 0;
    }
}
