package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Lesson;
import io.socketlab.course.Problem;
import io.socketlab.grade.CheckReport;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.practice.PracticeChecker;
import io.socketlab.practice.Hints;
import io.socketlab.practice.AfterCheck;
import io.socketlab.practice.ExerciseChoice;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import io.socketlab.render.RenderOptions;
import io.socketlab.render.TextWrapper;
import io.socketlab.shell.Pager;
import io.socketlab.shell.Shell;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/**
 * {@code check [EXERCISE]}, {@code hint [EXERCISE]} and {@code solution [EXERCISE]} in the shell, on the current chapter's
 * exercise (the first one not yet passed) unless one is named. Reads and changes the stored progress
 * as it is at that moment, so passes recorded by other processes count.
 */
final class ExerciseExtension implements Shell.Extension {
    private final Path root;
    private final ProgressStore store;
    private final boolean color;
    /** Kept warm between checks, as in watch, so a re-check takes a fraction of the first. */
    private ExerciseChecker checker;
    private Lang checkerLang;

    ExerciseExtension(Path root, ProgressStore store, boolean color) {
        this.root = root;
        this.store = store;
        this.color = color;
    }

    @Override
    public Map<String, String> commands(Lang lang) {
        Messages messages = Messages.of("shell", lang);
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("check", messages.get("help.check"));
        commands.put("hint", messages.get("help.hint"));
        commands.put("solution", messages.get("help.solution"));
        return commands;
    }

    @Override
    public List<String> arguments(String command, Lesson lesson) {
        // every exercise, this chapter's first: in a chapter without one, Tab still offers them all
        List<String> ids = new ArrayList<>(lesson.exercises());
        ExerciseLoader.load(root, new ArrayList<Problem>()).stream().map(Exercise::id).filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }

    @Override
    public void run(String command, List<String> args, Lesson lesson, LineReader reader, Lang lang) {
        Messages messages = Messages.of("shell", lang);
        if (args.size() > 1 || !args.isEmpty() && args.get(0).startsWith("-")) {
            reader.printAbove(messages.get("exercise.usage", command));
            return;
        }
        Optional<Exercise> chosen = choose(args, lesson, command.equals("solution"));
        if (chosen.isEmpty()) {
            reader.printAbove(args.isEmpty() ? messages.get("exercise.none", command) : messages.get("exercise.unknown", args.get(0)));
            return;
        }
        Exercise exercise = chosen.get();
        if (command.equals("hint")) {
            Progress after = store.update(progress -> {
                progress.setCurrentExercise(exercise.id());
                Hints.advance(exercise, progress, lang);
            });
            reader.printAbove(TextWrapper.wrapMessage(Hints.current(exercise, after, lang), reader.getTerminal().getWidth()));
        } else if (command.equals("solution")) {
            showSolution(exercise, store.update(progress -> progress.setCurrentExercise(exercise.id())), lang, reader);
        } else {
            check(exercise, lang, reader, messages);
        }
    }

    /**
     * The exercise named in {@code args}, else this chapter's ({@link ExerciseChoice#inChapter});
     * {@code solution} prefers one already passed.
     */
    private Optional<Exercise> choose(List<String> args, Lesson lesson, boolean passedFirst) {
        List<Exercise> all = ExerciseLoader.load(root, new ArrayList<Problem>());
        return args.isEmpty() ? ExerciseChoice.inChapter(all, lesson, store.load(), passedFirst) : ExerciseChoice.named(all, args.get(0));
    }

    private void showSolution(Exercise exercise, Progress progress, Lang lang, LineReader reader) {
        Terminal terminal = reader.getTerminal();
        RenderOptions options = RenderOptions.of(terminal.getWidth(), color, RenderOptions.asciiWanted(System.getenv()));
        try {
            new Pager(terminal, lang).show(SolutionCommand.render(root, exercise, progress, lang, options));
        } catch (IOException e) {
            reader.printAbove(Messages.of("grade", lang).get("error.io", e.getMessage()));
        }
    }

    private void check(Exercise exercise, Lang lang, LineReader reader, Messages messages) {
        reader.printAbove(messages.get("exercise.checking", exercise.id(), root.relativize(exercise.srcDir())));
        CheckResult result = checker(lang).check(exercise);
        StringWriter report = new StringWriter();
        new CheckReport(lang, color).print(exercise, result, new PrintWriter(report, true));
        AfterCheck.record(store, exercise, result);
        AfterCheck.nextStep(exercise, result, AfterCheck.Where.SHELL, root, lang).ifPresent(report::append);
        reader.printAbove(report.toString().stripTrailing());
    }

    private ExerciseChecker checker(Lang lang) {
        if (checker == null || checkerLang != lang) {
            close();
            checker = PracticeChecker.of(lang, root, true);
            checkerLang = lang;
        }
        return checker;
    }

    /** Ends the test JVM kept warm for the next check. */
    @Override
    public void close() {
        if (checker != null) {
            checker.close();
            checker = null;
        }
    }
}
