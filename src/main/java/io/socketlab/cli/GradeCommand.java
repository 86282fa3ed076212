package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.grade.ScratchFolders;
import io.socketlab.instructor.BatchGrader;
import io.socketlab.instructor.CanvasGradebook;
import io.socketlab.instructor.GradebookWriter;
import io.socketlab.instructor.StudentGrade;
import io.socketlab.instructor.SubmissionArchive;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import io.socketlab.grade.Sandbox;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code socketlab grade --exercise E --out DIR SUBMISSIONS}: grades every student folder (or every
 * student of an LMS's zip of submissions) with the course's visible and hidden tests. Exit 0 when the
 * batch ran, whatever the students scored, unless {@code --fail-under} says otherwise.
 */
@Command(name = "grade", description = "Instructors: grade a folder of student submissions (one folder per student).")
public final class GradeCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Option(names = "--exercise", required = true, paramLabel = "E", description = "Exercise id or number.")
    String exerciseName;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for gradebook.csv, feedback/ and results/.")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit per submission (default: the exercise's).")
    Integer timeout;

    @Option(names = "--jobs", paramLabel = "N", description = "Submissions graded at once (default: the number of cores).")
    Integer jobs;

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto", description = SandboxChoice.DESCRIPTION)
    String sandbox;

    @Option(names = "--fail-under", paramLabel = "POINTS", description = "Exit 1 when a student scores fewer than POINTS (for CI and GitHub Classroom).")
    Double failUnder;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format of results/<student>/results.json: gradescope (default) or prairielearn.")
    String format;

    @Option(names = "--canvas", paramLabel = "FILE", description = "Also write a gradebook Canvas imports, matched through --roster.")
    Path canvas;

    @Option(names = "--roster", paramLabel = "ROSTER.csv", description = "Canvas's gradebook export: the students of --canvas.")
    Path roster;

    @Parameters(index = "0", paramLabel = "SUBMISSIONS", descriptionKey = "SUBMISSIONS",
            description = "Folder holding one folder per student, or the zip of submissions Canvas or Moodle lets you download.")
    Path submissions;

    @Override
    public Integer call() throws InterruptedException {
        Messages text = Messages.of("instructor", parent.options.lang());
        Path root = parent.options.courseRoot();
        if (timeout != null && timeout <= 0) {
            parent.err().println(text.get("grade.bad-timeout"));
            return 2;
        }
        if (jobs != null && jobs <= 0) {
            parent.err().println(text.get("grade.bad-jobs"));
            return 2;
        }
        if (failUnder != null && (failUnder < 0 || failUnder.isNaN())) {
            parent.err().println(text.get("grade.bad-fail-under"));
            return 2;
        }
        GradebookWriter.Format results = GradebookWriter.Format.GRADESCOPE;
        if (format != null) {
            try {
                results = GradebookWriter.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                parent.err().println(text.get("grade.bad-format", format));
                return 2;
            }
        }
        if ((canvas == null) != (roster == null)) {
            parent.err().println(text.get("grade.canvas-needs-roster"));
            return 2;
        }
        CanvasGradebook canvasRoster = null;
        if (roster != null) {
            try {
                canvasRoster = CanvasGradebook.roster(roster);
            } catch (CanvasGradebook.BadRoster e) {
                parent.err().println(text.get("grade.bad-roster", roster, e.getMessage()));
                return 2;
            } catch (IOException e) {
                parent.err().println(text.get("grade.no-roster", roster, e.getMessage()));
                return 2;
            }
        }
        List<Problem> problems = new ArrayList<>();
        List<Exercise> all = ExerciseLoader.load(root, problems);
        Exercise exercise = all.stream().filter(e -> e.isNamed(exerciseName)).findFirst().orElse(null);
        if (exercise == null) {
            // a broken exercise folder is left out of the list: say why, file by file
            problems.forEach(p -> parent.err().println(p.format(root, parent.options.lang())));
            parent.err().println(text.get("grade.unknown-exercise", exerciseName, text.list(all.stream().map(Exercise::id).toList())));
            return 2;
        }
        if (timeout != null) {
            exercise = new Exercise(exercise.id(), exercise.number(), exercise.dir(), exercise.titles(), exercise.points(), timeout, exercise.hints());
        }
        GradebookWriter writer;
        try {
            writer = new GradebookWriter(exercise, parent.options.lang(), results);
        } catch (IllegalArgumentException e) {
            parent.err().println(e.getMessage());
            return 2;
        }
        if (SubmissionArchive.isArchive(submissions)) {
            Path unpacked = null;
            try {
                unpacked = ScratchFolders.create("socketlab-submissions");
                try {
                    new SubmissionArchive(note -> parent.err().println(text.get("grade.archive-left-out", note))).unpack(submissions, unpacked);
                } catch (SubmissionArchive.Refused e) {
                    parent.err().println(text.get("grade.archive-refused", submissions, e.entry(), text.get("grade.archive-" + e.why())));
                    return 2;
                } catch (IOException e) {
                    parent.err().println(text.get("grade.archive-unreadable", submissions, e.getMessage()));
                    return 2;
                }
                return gradeFolder(text, exercise, writer, unpacked, canvasRoster);
            } catch (IOException e) {
                parent.err().println(text.get("grade.archive-unreadable", submissions, e.getMessage()));
                return 2;
            } finally {
                ScratchFolders.delete(unpacked);
            }
        }
        if (!Files.isDirectory(submissions)) {
            parent.err().println(text.get("grade.no-submissions", submissions));
            return 2;
        }
        Path own = BatchGrader.studentSources(exercise, submissions);
        if (own != null) {
            // one student's folder given for the folder of all: its src/ would be graded as a student
            Path parentFolder = submissions.toAbsolutePath().normalize().getParent();
            parent.err().println(text.get("grade.submissions-is-student", submissions,
                    submissions.relativize(own) + java.io.File.separator, parentFolder));
            return 2;
        }
        return gradeFolder(text, exercise, writer, submissions, canvasRoster);
    }

    /** Grades the student folders of {@code submissions} and writes the results; the exit code. */
    private int gradeFolder(Messages text, Exercise exercise, GradebookWriter writer, Path submissions, CanvasGradebook canvasRoster)
            throws InterruptedException {
        List<Path> students;
        try {
            Path folder = submissions.toRealPath();
            Path results = realPath(out);
            if (results.startsWith(folder) && results.getNameCount() != folder.getNameCount() + 1) {
                parent.err().println(results.equals(folder) ? text.get("grade.out-is-submissions", out)
                        : text.get("grade.out-in-student", out, folder.resolve(results.getName(folder.getNameCount())), submissions));
                return 2;
            }
            if (folder.equals(results.getParent()) && BatchGrader.studentSources(exercise, results) != null) {
                parent.err().println(text.get("grade.out-is-student", out));
                return 2;
            }
            // a results folder kept directly in SUBMISSIONS is not a student
            students = BatchGrader.students(folder).stream().filter(s -> !s.equals(results)).toList();
        } catch (IOException e) {
            parent.err().println(text.get("grade.no-submissions", submissions));
            return 2;
        }
        if (students.isEmpty()) {
            parent.err().println(text.get("grade.empty", submissions));
            return 2;
        }
        String unwritable = unwritable(out, text);
        if (unwritable != null) {
            parent.err().println(unwritable);
            return 2;
        }
        Sandbox chosen = SandboxChoice.choose(sandbox, parent.options.lang(), parent.err());
        if (chosen == null) {
            return 2;
        }
        boolean terminal = parent.terminals().stdoutIsTerminal();
        int total = students.size();
        int[] finished = {0};
        long start = System.nanoTime();
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Map<String, String> files = GradebookWriter.fileNames(students.stream().map(BatchGrader::studentName).toList());
        IOException[] unwritten = {null};
        List<StudentGrade> grades = new BatchGrader(parent.options.lang(), threads, chosen).grade(exercise, students, grade -> {
            finished[0]++;
            try {
                // each student's feedback as soon as it is known: a batch stopped half-way keeps it
                writer.writeFeedback(grade, out, files.get(grade.student()));
            } catch (IOException e) {
                unwritten[0] = unwritten[0] != null ? unwritten[0] : e;
            }
            if (terminal) {
                parent.err().print("\r\u001b[K");
            }
            parent.out().println(text.get("grade.row", oneLine(grade.student()), GradebookWriter.format(grade.points()), grade.maxPoints(),
                    grade.status(), GradebookWriter.reason(grade, parent.options.lang())).stripTrailing());
            if (terminal && finished[0] < total) {
                parent.err().print(text.get("grade.progress", finished[0], total));
                parent.err().flush();
            }
        });
        try {
            if (unwritten[0] != null) {
                throw unwritten[0];
            }
            writer.writeGradebook(grades, out);
            if (canvasRoster != null) {
                for (String stranger : canvasRoster.write(exercise, grades, canvas)) {
                    parent.err().println(text.get("grade.canvas-unmatched", oneLine(stranger), roster));
                }
            }
        } catch (IOException e) {
            parent.err().println(text.get("grade.io", e.getMessage()));
            return 1;
        }
        long passed = grades.stream().filter(g -> "pass".equals(g.status())).count();
        long failed = grades.stream().filter(g -> "fail".equals(g.status())).count();
        double average = grades.stream().mapToDouble(StudentGrade::points).average().orElse(0);
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        parent.out().println(text.get("grade.summary", total, seconds, passed, failed, total - passed - failed,
                GradebookWriter.format(average), exercise.points(), out.toAbsolutePath().normalize()));
        if (failUnder != null) {
            List<StudentGrade> under = grades.stream().filter(g -> g.points() < failUnder - 1e-9).toList();
            if (!under.isEmpty()) {
                parent.out().println(text.get("grade.under", under.size(), GradebookWriter.format(failUnder)));
                return 1;
            }
        }
        return 0;
    }

    /** A name shown on one line: a line break or tab in a folder name is shown as its escape. */
    private static String oneLine(String name) {
        return name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    /** The real path of {@code path}, which may not exist yet: its nearest existing folder resolved, the rest appended. */
    private static Path realPath(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = nearestExisting(absolute);
        return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
    }

    /** {@code path} or its nearest ancestor that exists; null when none does. */
    private static Path nearestExisting(Path path) {
        Path existing = path.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    /**
     * Creates {@code out} with its {@code feedback/} and {@code results/} folders and writes a file in
     * it, before any student is graded. Null when that worked, else the message saying why not.
     */
    private static String unwritable(Path out, Messages text) {
        try {
            Files.createDirectories(out.resolve("feedback"));
            Files.createDirectories(out.resolve("results"));
            Files.delete(Files.createTempFile(out, ".socketlab-write-check", ".tmp"));
            return null;
        } catch (IOException e) {
            for (Path folder : List.of(out.resolve("feedback"), out.resolve("results"))) {
                Path existing = nearestExisting(folder);
                if (existing != null && !Files.isDirectory(existing)) {
                    return text.get("grade.out-not-folder", out, existing);
                }
            }
            if (e instanceof AccessDeniedException denied) {
                return text.get("grade.out-denied", out, denied.getFile() != null ? Path.of(denied.getFile()).getParent() : out);
            }
            return text.get("grade.out-unwritable", out, e.getMessage());
        }
    }
}
