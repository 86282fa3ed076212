package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.demo.Demos;
import io.socketlab.practice.Solutions;
import io.socketlab.instructor.CourseValidator;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab validate}: checks lessons, includes, solutions and starters; exit 1 on any problem. */
@Command(name = "validate", description = "Instructors: check every lesson, include, solution and starter of the course.")
public final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Override
    public Integer call() throws InterruptedException {
        Lang lang = parent.options.lang();
        Messages text = Messages.of("instructor", lang);
        PrintStream out = parent.workspace().out();
        Path root = parent.options.courseRoot();
        List<Exercise> exercises = ExerciseLoader.load(root, new ArrayList<>());
        if (!exercises.isEmpty() && exercises.stream().noneMatch(Solutions::hasOne)) {
            // a student handout: every exercise would be reported for its missing solution/
            parent.workspace().err().println(text.get("validate.handout", exercises.size()));
            return 1;
        }
        CourseValidator.Outcome outcome = CourseValidator.validate(root, Demos.ids(), Runtime.getRuntime().availableProcessors(), lang);
        for (Problem problem : outcome.problems()) {
            out.println(problem.format(root, lang));
        }
        if (!outcome.ok()) {
            out.println(text.get("validate.failed", outcome.problems().size()));
            return 1;
        }
        out.println(text.get("validate.ok", outcome.lessons(), outcome.exercises()));
        return 0;
    }
}
