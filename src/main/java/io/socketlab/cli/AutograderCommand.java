package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.i18n.Messages;
import io.socketlab.instructor.GradescopeBundle;
import io.socketlab.instructor.Handout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code socketlab autograder gradescope --exercise E --out autograder.zip}: the bundle a grading
 * platform runs for each submission. Exit 0 written, 1 refused (a solution would ship) or not
 * written, 2 usage.
 */
@Command(name = "autograder", description = "Instructors: write a grading platform's autograder for one exercise (gradescope).")
public final class AutograderCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Parameters(index = "0", paramLabel = "PLATFORM", descriptionKey = "PLATFORM", description = "The platform: gradescope.")
    String platform;

    @Option(names = "--exercise", required = true, paramLabel = "E", description = "Exercise id or number.")
    String exerciseName;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The autograder.zip to write.")
    Path out;

    @Override
    public Integer call() {
        Messages text = Messages.of("instructor", parent.options.lang());
        Path root = parent.options.courseRoot();
        if (!platform.equals("gradescope")) {
            parent.err().println(text.get("autograder.unknown-platform", platform));
            return 2;
        }
        List<Problem> problems = new ArrayList<>();
        List<Exercise> all = ExerciseLoader.load(root, problems);
        Exercise exercise = all.stream().filter(e -> e.isNamed(exerciseName)).findFirst().orElse(null);
        if (exercise == null) {
            problems.forEach(p -> parent.err().println(p.format(root, parent.options.lang())));
            parent.err().println(text.get("grade.unknown-exercise", exerciseName, text.list(all.stream().map(Exercise::id).toList())));
            return 2;
        }
        try {
            GradescopeBundle.write(root, exercise, out);
        } catch (Handout.LeakException e) {
            parent.err().println(text.get("autograder.leak", e.getMessage()));
            return 1;
        } catch (IOException e) {
            parent.err().println(text.get("autograder.io", out, e.getMessage()));
            return 1;
        }
        parent.out().println(text.get("autograder.ok", exercise.id(), out.toAbsolutePath().normalize()));
        return 0;
    }
}
