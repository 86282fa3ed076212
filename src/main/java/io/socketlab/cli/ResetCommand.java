package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.practice.StarterSnapshot;
import io.socketlab.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab reset EXERCISE [--yes]}: restores the starter code after asking. */
@Command(name = "reset", description = "Restore the starter code of an exercise (asks first).")
public final class ResetCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Parameters(arity = "1", paramLabel = "EXERCISE", descriptionKey = "EXERCISE", description = "Exercise id or number.")
    String exerciseName;

    @Option(names = "--yes", description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        GlobalOptions options = parent.options;
        Messages text = Messages.of("grade", options.lang());
        Exercise exercise = CheckCommand.choose(options.courseRoot(), exerciseName,
                parent.workspace().progressStoreOnly().load(), text, parent.workspace().err());
        if (exercise == null) {
            return 2;
        }
        StarterSnapshot starter = new StarterSnapshot(options.courseRoot(), exercise);
        if (!starter.exists()) {
            parent.workspace().err().println(text.get("cli.reset-no-starter", exercise.id()));
            return 1;
        }
        if (!yes) {
            parent.workspace().out().print(text.get("cli.reset-ask", exercise.id(), exercise.srcDir()));
            parent.workspace().out().flush();
            String answer = new BufferedReader(new InputStreamReader(parent.terminals().stdin(), StandardCharsets.UTF_8)).readLine();
            if (answer == null) {
                parent.workspace().out().println();
                parent.workspace().err().println(text.get("cli.reset-no-stdin", exercise.id()));
                return 2;
            }
            if (!answer.strip().equalsIgnoreCase("y") && !answer.strip().equalsIgnoreCase("yes")) {
                parent.workspace().out().println(text.get("cli.reset-kept"));
                return 0;
            }
        }
        starter.restore(exercise);
        parent.workspace().out().println(text.get("cli.reset-done", exercise.id()));
        return 0;
    }
}
