package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.grade.CheckReport;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.grade.Sandbox;
import io.socketlab.practice.AfterCheck;
import io.socketlab.practice.ExerciseChoice;
import io.socketlab.practice.PracticeChecker;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import java.io.PrintStream;
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

    @Option(names = "--sandbox", paramLabel = "MODE", description = "Check as grades are made: the learner's code in a process"
            + " of its own, in the sandbox: auto (where it works), on (refuse without it) or off. Without it, check takes the"
            + " fast path (docs/instructors.md).")
    String sandbox;

    @Override
    public Integer call() {
        GlobalOptions options = parent.options;
        Workspace ws = parent.workspace();
        PrintWriter out = new PrintWriter(ws.out(), true);
        Path root = options.courseRoot();
        ProgressStore store = ws.progressStore();
        Exercise exercise = choose(root, exerciseName, store.load(), Messages.of("grade", options.lang()), ws.err());
        if (exercise == null) {
            return 2;
        }
        ExerciseChecker checker;
        if (sandbox == null) {
            checker = PracticeChecker.of(options.lang(), root, false);
        } else {
            Sandbox chosen = SandboxChoice.choose(sandbox, options.lang(), ws.err());
            if (chosen == null) {
                return 2;
            }
            checker = new ExerciseChecker(options.lang(), chosen);
        }
        CheckResult result = checker.check(exercise);
        if (json) {
            out.println(CheckReport.json(exercise, result));
        } else {
            new CheckReport(options.lang(), !options.plainRequested() && parent.terminals().stdoutIsTerminal()).print(exercise, result, out);
        }
        AfterCheck.record(store, exercise, result);
        if (!json) {
            AfterCheck.nextStep(exercise, result, AfterCheck.Where.COMMAND_LINE, root, options.lang()).ifPresent(out::println);
        }
        return result.passed() ? 0 : 1;
    }

    /**
     * The exercise named by id or number, else the current one ({@link ExerciseChoice#current}).
     * Prints a one-line reason to {@code err} and returns null when there is none.
     */
    static Exercise choose(Path root, String name, Progress progress, Messages text, PrintStream err) {
        List<Problem> problems = new ArrayList<>();
        List<Exercise> all = ExerciseLoader.load(root, problems);
        problems.forEach(p -> err.println(text.get("cli.course-problem", p.format(root, text.lang()))));
        if (all.isEmpty()) {
            err.println(text.get("cli.no-exercises", root.resolve("exercises")));
            return null;
        }
        if (name == null) {
            return ExerciseChoice.current(all, progress).orElseThrow();
        }
        return ExerciseChoice.named(all, name).orElseGet(() -> {
            err.println(text.get("cli.unknown-exercise", name, text.list(all.stream().map(Exercise::id).toList())));
            return null;
        });
    }
}
