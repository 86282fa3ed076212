package io.socketlab.cli;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.instructor.BatchGrader;
import io.socketlab.instructor.GradebookWriter;
import io.socketlab.instructor.StudentGrade;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code socketlab grade --exercise E --out DIR SUBMISSIONS}: grades every student folder with the
 * course's visible and hidden tests. Exit 0 when the batch ran, whatever the students scored.
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

    @Parameters(index = "0", paramLabel = "SUBMISSIONS", descriptionKey = "SUBMISSIONS", description = "Folder holding one folder per student.")
    Path submissions;

    @Override
    public Integer call() throws InterruptedException {
        Messages text = Messages.of("instructor", parent.options.lang());
        Path root = parent.options.courseRoot();
        if (timeout != null && timeout <= 0) {
            System.err.println(text.get("grade.bad-timeout"));
            return 2;
        }
        if (jobs != null && jobs <= 0) {
            System.err.println(text.get("grade.bad-jobs"));
            return 2;
        }
        List<Problem> problems = new ArrayList<>();
        List<Exercise> all = ExerciseLoader.load(root, problems);
        Exercise exercise = all.stream().filter(e -> e.isNamed(exerciseName)).findFirst().orElse(null);
        if (exercise == null) {
            // a broken exercise folder is left out of the list: say why, file by file
            problems.forEach(p -> System.err.println(p.format(root, parent.options.lang())));
            System.err.println(text.get("grade.unknown-exercise", exerciseName, text.list(all.stream().map(Exercise::id).toList())));
            return 2;
        }
        if (timeout != null) {
            exercise = new Exercise(exercise.id(), exercise.number(), exercise.dir(), exercise.titles(), exercise.points(), timeout, exercise.hints());
        }
        if (!Files.isDirectory(submissions)) {
            System.err.println(text.get("grade.no-submissions", submissions));
            return 2;
        }
        Path own = BatchGrader.studentSources(exercise, submissions);
        if (own != null) {
            // one student's folder given for the folder of all: its src/ would be graded as a student
            Path parentFolder = submissions.toAbsolutePath().normalize().getParent();
            System.err.println(text.get("grade.submissions-is-student", submissions,
                    submissions.relativize(own) + java.io.File.separator, parentFolder));
            return 2;
        }
        List<Path> students;
        try {
            Path folder = submissions.toRealPath();
            Path results = realPath(out);
            if (results.startsWith(folder) && results.getNameCount() != folder.getNameCount() + 1) {
                System.err.println(results.equals(folder) ? text.get("grade.out-is-submissions", out)
                        : text.get("grade.out-in-student", out, folder.resolve(results.getName(folder.getNameCount())), submissions));
                return 2;
            }
            if (folder.equals(results.getParent()) && BatchGrader.studentSources(exercise, results) != null) {
                System.err.println(text.get("grade.out-is-student", out));
                return 2;
            }
            // a results folder kept directly in SUBMISSIONS is not a student
            students = BatchGrader.students(folder).stream().filter(s -> !s.equals(results)).toList();
        } catch (IOException e) {
            System.err.println(text.get("grade.no-submissions", submissions));
            return 2;
        }
        if (students.isEmpty()) {
            System.err.println(text.get("grade.empty", submissions));
            return 2;
        }
        String unwritable = unwritable(out, text);
        if (unwritable != null) {
            System.err.println(unwritable);
            return 2;
        }
        boolean terminal = parent.terminals().stdoutIsTerminal();
        int total = students.size();
        int[] finished = {0};
        long start = System.nanoTime();
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        GradebookWriter writer = new GradebookWriter(exercise, parent.options.lang());
        Map<String, String> files = GradebookWriter.fileNames(students.stream().map(BatchGrader::studentName).toList());
        IOException[] unwritten = {null};
        List<StudentGrade> grades = new BatchGrader(parent.options.lang(), threads).grade(exercise, students, grade -> {
            finished[0]++;
            try {
                // each student's feedback as soon as it is known: a batch stopped half-way keeps it
                writer.writeFeedback(grade, out, files.get(grade.student()));
            } catch (IOException e) {
                unwritten[0] = unwritten[0] != null ? unwritten[0] : e;
            }
            if (terminal) {
                System.err.print("\r\u001b[K");
            }
            System.out.println(text.get("grade.row", grade.student(), GradebookWriter.format(grade.points()), grade.maxPoints(),
                    grade.status(), GradebookWriter.reason(grade, parent.options.lang())).stripTrailing());
            if (terminal && finished[0] < total) {
                System.err.print(text.get("grade.progress", finished[0], total));
                System.err.flush();
            }
        });
        try {
            if (unwritten[0] != null) {
                throw unwritten[0];
            }
            writer.writeGradebook(grades, out);
        } catch (IOException e) {
            System.err.println(text.get("grade.io", e.getMessage()));
            return 1;
        }
        long passed = grades.stream().filter(g -> "pass".equals(g.status())).count();
        long failed = grades.stream().filter(g -> "fail".equals(g.status())).count();
        double average = grades.stream().mapToDouble(StudentGrade::points).average().orElse(0);
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        System.out.println(text.get("grade.summary", total, seconds, passed, failed, total - passed - failed,
                GradebookWriter.format(average), exercise.points(), out.toAbsolutePath().normalize()));
        return 0;
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
