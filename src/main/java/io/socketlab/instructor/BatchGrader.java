package io.socketlab.instructor;

import io.socketlab.course.Exercise;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.grade.Sandbox;
import io.socketlab.grade.ScratchFolders;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Grades a folder of submissions, one folder per student, against the course's visible and hidden
 * tests. Only the student's {@code .java} files are copied, into a fresh folder per student; the
 * tests always come from the course. Each submission runs in its own JVM with the exercise's time
 * limit and a memory limit, several at once. Each worker keeps one JVM for the course's tests
 * warm from one student to the next (the students' code runs in processes of its own, never in it),
 * so a class pays for loading JUnit once per worker, not once per student.
 */
public final class BatchGrader {
    /** Larger student files are not copied: no real exercise needs them, and they slow the compiler. */
    static final long MAX_SOURCE_BYTES = 512 * 1024;

    private final Lang lang;
    private final int threads;
    private final Sandbox sandbox;

    /** Grades in the sandbox where it works ({@link Sandbox#auto()}). */
    public BatchGrader(Lang lang, int threads) {
        this(lang, threads, Sandbox.auto());
    }

    public BatchGrader(Lang lang, int threads, Sandbox sandbox) {
        this.lang = lang;
        this.threads = Math.max(1, threads);
        this.sandbox = sandbox;
    }

    /**
     * The student folders of {@code submissions}, sorted by name: not hidden ones, nor the
     * {@code __MACOSX} folder that unzipping an archive made on a Mac leaves beside them.
     */
    public static List<Path> students(Path submissions) throws IOException {
        try (Stream<Path> list = Files.list(submissions)) {
            return list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals("__MACOSX"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /**
     * Grades every student folder; {@code done} hears of each grade as it is ready (from worker
     * threads, one at a time). Returns the grades in student order. A submission that fails, does
     * not compile, crashes or hangs is a grade with status {@code error} or {@code fail}; it never
     * stops the batch.
     */
    public List<StudentGrade> grade(Exercise exercise, List<Path> students, Consumer<StudentGrade> done) throws InterruptedException {
        try (WarmCheckers checkers = new WarmCheckers(lang, sandbox)) {
            return ParallelJobs.map(students, threads, "grading", student -> {
                StudentGrade grade = checkers.with(checker -> gradeOne(exercise, student, checker));
                synchronized (done) {
                    done.accept(grade);
                }
                return grade;
            });
        }
    }

    /** The student's name, as in the gradebook: the name of their folder. */
    public static String studentName(Path student) {
        return student.getFileName().toString();
    }

    /** Grades one student folder in a fresh work folder that holds only their {@code .java} files. */
    StudentGrade gradeOne(Exercise exercise, Path student) {
        try (ExerciseChecker checker = new ExerciseChecker(lang, sandbox)) {
            return gradeOne(exercise, student, checker);
        }
    }

    /** As {@link #gradeOne(Exercise, Path)}, with {@code checker}'s JVM for the course's tests. */
    private StudentGrade gradeOne(Exercise exercise, Path student, ExerciseChecker checker) {
        long start = System.nanoTime();
        String name = studentName(student);
        Messages text = Messages.of("instructor", lang);
        Path src = studentSources(exercise, student);
        CheckResult result;
        String outside = src == null ? null : linkLeaving(student, src);
        if (src == null) {
            result = new CheckResult("error", text.get("grade.no-src", exercise.id()), List.of(), "", false);
        } else if (outside != null) {
            result = new CheckResult("error", outside, List.of(), "", false);
        } else {
            Path work = null;
            try {
                work = ScratchFolders.create("socketlab-grade");
                // the copy sits where it sits in the submission, so compiler errors name the student's own path
                Path copy = work.resolve(student.relativize(src).toString());
                // copied while the folders' deletion at exit waits, or a copy in flight would make them again
                long copied = ScratchFolders.writing(() -> copyJavaSources(src.toRealPath(), Files.createDirectories(copy)));
                if (copied == 0) {
                    // else the course's tests would not compile, and the reason would blame them
                    String shown = student.relativize(src).toString().replace(java.io.File.separatorChar, '/') + "/";
                    result = new CheckResult("error", text.get("grade.no-java", shown), List.of(), "", false);
                } else {
                    result = checker.run(exercise, List.of(copy, exercise.testDir(), exercise.hiddenDir()), work);
                }
            } catch (IOException e) {
                result = new CheckResult("error", text.get("grade.io", e.getMessage()), List.of(), "", false);
            } finally {
                ScratchFolders.delete(work);
            }
        }
        return new StudentGrade(name, result, exercise.points(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The student's {@code src/}: the exercise inside their handout, or their copy of the exercise
     * folder. The handout is looked at first: beside {@code exercises/} it has a {@code src/} of
     * its own, SocketLab's sources, which are not the student's answer.
     */
    public static Path studentSources(Exercise exercise, Path student) {
        Path inHandout = student.resolve("exercises").resolve(exercise.id()).resolve("src");
        if (Files.isDirectory(inHandout)) {
            return inHandout;
        }
        Path own = student.resolve("src");
        return Files.isDirectory(own) ? own : null;
    }

    /**
     * Why {@code src} may not be graded, or null when it may: it, or a folder on the way to it, is a
     * link whose real path leaves the student's folder (to a classmate's submission, say), or the
     * student's folder cannot be resolved at all. Links that stay inside the folder are fine.
     */
    String linkLeaving(Path student, Path src) {
        Messages text = Messages.of("instructor", lang);
        try {
            Path home = student.toRealPath();
            Path step = student;
            for (Path part : student.relativize(src)) {
                step = step.resolve(part);
                if (Files.isSymbolicLink(step) && !step.toRealPath().startsWith(home)) {
                    String shown = student.relativize(step).toString().replace(java.io.File.separatorChar, '/');
                    return text.get("grade.link-outside", shown, Files.readSymbolicLink(step));
                }
            }
            return src.toRealPath().startsWith(home) ? null : text.get("grade.link-outside",
                    student.relativize(src).toString().replace(java.io.File.separatorChar, '/'), src.toRealPath());
        } catch (IOException e) {
            return text.get("grade.unreadable", student.relativize(src), e.getMessage());
        }
    }

    /** Copies regular {@code .java} files only; links, other files and oversized files stay behind. Returns how many were copied. */
    private static int copyJavaSources(Path from, Path to) throws IOException {
        int[] copied = {0};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".java") && attrs.size() <= MAX_SOURCE_BYTES) {
                    Path target = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                    copied[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return copied[0];
    }
}
