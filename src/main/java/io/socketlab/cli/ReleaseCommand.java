package io.socketlab.cli;

import io.socketlab.course.Problem;
import io.socketlab.instructor.Handout;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code socketlab release --out DIR}: writes the student handout, without solutions and hidden tests. */
@Command(name = "release", description = "Instructors: write the student handout (no solutions, no hidden tests).")
public final class ReleaseCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder for the handout.")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        Lang lang = parent.options.lang();
        Messages text = Messages.of("instructor", lang);
        Path root = parent.options.courseRoot();
        // a course with problems (or no course at all) is never handed out: it says why, exit 1
        parent.workspace().course();
        try {
            int files = Handout.release(root, out);
            System.out.println(text.get("release.ok", out.toAbsolutePath().normalize(), files));
            return 0;
        } catch (Handout.NotEmptyException e) {
            Path taken = Path.of(e.getMessage());
            boolean file = java.nio.file.Files.exists(taken) && !java.nio.file.Files.isDirectory(taken);
            System.err.println(text.get(file ? "release.not-folder" : "release.not-empty", e.getMessage()));
            return 2;
        } catch (Handout.SolvedStarterException e) {
            for (Problem problem : e.problems()) {
                System.err.println(problem.format(root.toAbsolutePath().normalize(), lang));
            }
            System.err.println(text.get("release.solved", e.problems().size()));
            return 1;
        } catch (Handout.LeakException e) {
            System.err.println(text.get("release.leak", e.getMessage()));
            return 1;
        } catch (IOException e) {
            System.err.println(text.get("release.io", e.getMessage()));
            return 1;
        }
    }
}
