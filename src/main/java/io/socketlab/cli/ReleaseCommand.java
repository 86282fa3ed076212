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
@Command(name = "release", description = "Instructors: write the student handout (no solutions, no hidden tests); exit 1 when it would give answers away.")
public final class ReleaseCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder for the handout.")
    Path out;

    @Option(names = "--classroom", description = "Add the GitHub Classroom workflow that grades every exercise with the instructor's course.")
    boolean classroom;

    @Override
    public Integer call() throws InterruptedException {
        Lang lang = parent.options.lang();
        Messages text = Messages.of("instructor", lang);
        Path root = parent.options.courseRoot();
        // a course with problems (or no course at all) is never handed out: it says why, exit 1
        parent.workspace().course();
        try {
            Handout.Released released = Handout.release(root, out, classroom);
            for (Path test : released.leftOut()) {
                parent.out().println(text.get("release.left-out", test));
            }
            parent.out().println(text.get("release.ok", out.toAbsolutePath().normalize(), released.files()));
            if (classroom) {
                parent.out().println(text.get("release.classroom", io.socketlab.instructor.ClassroomWorkflow.PATH));
            }
            return 0;
        } catch (Handout.NotEmptyException e) {
            Path taken = Path.of(e.getMessage());
            boolean file = java.nio.file.Files.exists(taken) && !java.nio.file.Files.isDirectory(taken);
            parent.err().println(text.get(file ? "release.not-folder" : "release.not-empty", e.getMessage()));
            return 2;
        } catch (Handout.SolvedStarterException e) {
            for (Problem problem : e.problems()) {
                parent.err().println(problem.format(root.toAbsolutePath().normalize(), lang));
            }
            parent.err().println(text.get("release.solved", e.problems().size()));
            return 1;
        } catch (Handout.LeakException e) {
            parent.err().println(text.get("release.leak", e.getMessage()));
            return 1;
        } catch (IOException e) {
            parent.err().println(text.get("release.io", e.getMessage()));
            return 1;
        }
    }
}
