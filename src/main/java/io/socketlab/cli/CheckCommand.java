package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.grade.CheckReport;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.practice.Solutions;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab check [EXERCISE] [--json]}: grades the learner's code; exit 0 only when all pass. */
@Command(name = "check", description = "Grade an exercise: per-test results and score.")
public final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Parameters(arity = "0..1", paramLabel = "EXERCISE", descriptionKey = "EXERCISE", description = "Exercise id or number (default: the current one).")
    String exerciseName;

    @Option(names = "--json", description = "Print the result as JSON (docs/grading-json.md).")
    boolean json;

    @Override
    public Integer call() {
        GlobalOptions options = parent.options;
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true);
        Messages text = Messages.of("grade", options.lang());
        Path root = options.courseRoot();
        ProgressStore store = parent.workspace().progressStore();
        Exercise exercise = choose(root, exerciseName, store.load(), text);
        if (exercise == null) {
            return 2;
        }
        ExerciseChecker checker = new ExerciseChecker(options.lang());
        CheckResult result = checker.check(exercise);
        if (json) {
            out.println(CheckReport.json(exercise, result));
        } else {
            new CheckReport(options.lang(), !options.plainRequested() && parent.terminals().stdoutIsTerminal()).print(exercise, result, out);
        }
        store.update(progress -> {
            progress.setCurrentExercise(exercise.id());
            if (result.passed()) {
                progress.markDone(exercise.id());
            }
        });
        if (result.passed()) {
            if (!json) {
                out.println(Solutions.hasOne(exercise) ? text.get("report.solution", exercise.id()) : text.get("report.well-done"));
            }
        } else if (!json && !result.compileFailed()) {
            out.println(text.get("report.stuck", exercise.id()));
        }
        return result.passed() ? 0 : 1;
    }

    /**
     * The exercise named by id or number, else the current one from progress, else the first not
     * done. Prints a one-line reason to stderr and returns null when there is none.
     */
    static Exercise choose(Path root, String name, Progress progress, Messages text) {
        List<Problem> problems = new ArrayList<>();
        List<Exercise> all = ExerciseLoader.load(root, problems);
        problems.forEach(p -> System.err.println(text.get("cli.course-problem", p.format(root, text.lang()))));
        if (all.isEmpty()) {
            System.err.println(text.get("cli.no-exercises", root.resolve("exercises")));
            return null;
        }
        if (name != null) {
            for (Exercise e : all) {
                if (e.isNamed(name)) {
                    return e;
                }
            }
            System.err.println(text.get("cli.unknown-exercise", name,
                    text.list(all.stream().map(Exercise::id).toList())));
            return null;
        }
        if (progress.currentExercise() != null) {
            for (Exercise e : all) {
                if (e.id().equals(progress.currentExercise())) {
                    return e;
                }
            }
        }
        return all.stream().filter(e -> !progress.isDone(e.id())).findFirst().orElse(all.get(0));
    }
}
