package io.socketlab.instructor;

import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.grade.ScratchFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The student handout: a copy of the course project without reference solutions, hidden tests,
 * the grader's test submissions and wrong solutions, build output, progress or version control.
 * Hints ({@code hints.md}, {@code hints.zh.md}) travel with the statements: {@code hint} shows them
 * one at a time. Refused before anything
 * is written when a starter gives the answer away ({@link SolvedStarters}), and checked afterwards so
 * nothing secret slipped in.
 */
public final class Handout {
    /** What the handout copies from the course root, when present. */
    static final List<String> TOP_LEVEL = List.of("pom.xml", "socketlab", "README.md", "README.zh.md", ".gitignore", "src", "lessons",
            "exercises", "docs", "bench", "python", ".ci");
    private static final Set<String> NEVER = Set.of("target", ".socketlab", ".git");
    private static final Set<String> SECRET = Set.of("solution", "hidden");
    /**
     * The grader's own test submissions (several are copies of a reference solution) and the
     * learners' typical mistakes (each a solution with one thing wrong).
     */
    static final Set<Path> GRADER_FIXTURES = Set.of(Path.of("src", "test", "resources", "submissions"),
            Path.of("src", "test", "resources", "mistakes"));

    /** The handout folder is not empty; nothing was written. */
    public static final class NotEmptyException extends IOException {
        public NotEmptyException(Path out) {
            super(out.toString());
        }
    }

    /** A solution or hidden test file is in the handout. */
    public static final class LeakException extends IOException {
        public LeakException(Path file) {
            super(file.toString());
        }
    }

    /** A starter would give the answer away (see {@link SolvedStarters}); nothing was written. */
    public static final class SolvedStarterException extends IOException {
        private final transient List<Problem> problems;

        public SolvedStarterException(List<Problem> problems) {
            super(problems.size() + " starter(s) give the answer away");
            this.problems = List.copyOf(problems);
        }

        /** One problem per exercise, located at its {@code src/} folder. */
        public List<Problem> problems() {
            return problems;
        }
    }

    private Handout() {
    }

    /** What a release wrote: how many files, and the grader's tests it left out because they embed a solution. */
    public record Released(int files, List<Path> leftOut) {
    }

    /**
     * Writes the handout of {@code course} into {@code out} (created if missing, refused if not
     * empty): it is built in a folder beside {@code out}, scanned, and only then moved into place,
     * so a refused release leaves nothing behind, not even {@code out}'s missing parent folders.
     * Test sources of the course's own suite that embed a solution's code (tests of the grader
     * whose subject is an answer) are left out, with the fixtures of learners' mistakes.
     *
     * @throws NotEmptyException when {@code out} already holds something
     * @throws SolvedStarterException when a starter gives the answer away; checked before anything is written
     * @throws LeakException when a solution or hidden file, or a solution's code, is found in the handout
     */
    public static Released release(Path course, Path out) throws IOException, InterruptedException {
        return release(course, out, false);
    }

    /**
     * As {@link #release(Path, Path)}; with {@code classroom}, the handout also carries the GitHub
     * Classroom workflow that grades every exercise ({@link ClassroomWorkflow}).
     */
    public static Released release(Path course, Path out, boolean classroom) throws IOException, InterruptedException {
        Path root = course.toAbsolutePath().normalize();
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            try (Stream<Path> list = Files.list(target)) {
                if (list.findAny().isPresent()) {
                    throw new NotEmptyException(target);
                }
            }
        } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotEmptyException(target);
        }
        List<Problem> solved = SolvedStarters.find(root, Runtime.getRuntime().availableProcessors());
        if (!solved.isEmpty()) {
            throw new SolvedStarterException(solved);
        }
        List<Path> madeParents = createParents(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".release-");
        boolean moved = false;
        try {
            int count = copy(root, staging, target);
            if (classroom) {
                Path workflow = staging.resolve(ClassroomWorkflow.PATH);
                Files.createDirectories(workflow.getParent());
                Files.writeString(workflow, ClassroomWorkflow.of(ExerciseLoader.load(root, new ArrayList<>())), StandardCharsets.UTF_8);
                count++;
            }
            SolutionScan scan = SolutionScan.of(root);
            List<Path> leftOut = leaveOutEmbeddingTests(staging, scan);
            count -= leftOut.size();
            List<Path> leaks = leaks(root, staging, scan);
            if (!leaks.isEmpty()) {
                throw new LeakException(target.resolve(staging.relativize(leaks.get(0)).toString()));
            }
            if (Files.isDirectory(target)) {
                Files.delete(target);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return new Released(count, leftOut.stream().map(p -> Path.of(staging.relativize(p).toString())).toList());
        } finally {
            if (!moved) {
                ScratchFolders.delete(staging);
                for (Path made : madeParents) {
                    Files.deleteIfExists(made);
                }
            }
        }
    }

    /** Creates the missing folders of {@code dir}; returns those created, deepest first, to remove on failure. */
    private static List<Path> createParents(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        Files.createDirectories(dir);
        return missing;
    }

    /** Copies what the handout holds from {@code root} into {@code staging}; returns how many files. */
    private static int copy(Path root, Path staging, Path target) throws IOException {
        int[] count = {0};
        for (String name : TOP_LEVEL) {
            Path from = root.resolve(name);
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path relative = root.relativize(dir);
                    if (dir.equals(target) || dir.equals(staging) || GRADER_FIXTURES.contains(relative)
                            || NEVER.contains(dir.getFileName().toString()) || isExerciseSecret(relative)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(staging.resolve(relative.toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        Files.copy(file, staging.resolve(root.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                        count[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        return count[0];
    }

    /** Removes from {@code staging} the course's own test sources that embed a solution's code; returns them. */
    private static List<Path> leaveOutEmbeddingTests(Path staging, SolutionScan scan) throws IOException {
        Path tests = staging.resolve("src").resolve("test");
        List<Path> leftOut = new ArrayList<>();
        if (!Files.isDirectory(tests)) {
            return leftOut;
        }
        try (Stream<Path> walk = Files.walk(tests)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (scan.embedsASolution(file)) {
                    Files.delete(file);
                    leftOut.add(file);
                }
            }
        }
        return leftOut;
    }

    /**
     * Files in {@code handout} that are, by place, name or content, one of the course's solution or
     * hidden test files (content shared with a starter or visible test does not count), or that hold
     * a method of a solution ({@link SolutionScan}). Empty when the handout is clean.
     */
    public static List<Path> leaks(Path course, Path handout) throws IOException {
        return leaks(course, handout, SolutionScan.of(course.toAbsolutePath().normalize()));
    }

    private static List<Path> leaks(Path course, Path handout, SolutionScan scan) throws IOException {
        Set<String> digests = new HashSet<>();
        Set<String> hiddenNames = new HashSet<>();
        Set<String> shared = new HashSet<>();
        Path exercises = course.resolve("exercises");
        if (Files.isDirectory(exercises)) {
            try (Stream<Path> walk = Files.walk(exercises)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    Path relative = exercises.relativize(file);
                    if (relative.getNameCount() > 1 && !SECRET.contains(relative.getName(1).toString())) {
                        shared.add(digest(file));
                    } else if (relative.getNameCount() > 1) {
                        digests.add(digest(file));
                        if (relative.getName(1).toString().equals("hidden")) {
                            hiddenNames.add(file.getFileName().toString());
                        }
                    }
                }
            }
        }
        // A file a solution shares word for word with the starter or tests (a given helper class) is public.
        digests.removeAll(shared);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(handout)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = handout.relativize(file);
                if (isExerciseSecret(relative) || hiddenNames.contains(file.getFileName().toString())
                        || digests.contains(digest(file)) || scan.embedsASolution(file)) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    /** True for {@code exercises/<id>/solution} or {@code exercises/<id>/hidden} and anything under them. */
    private static boolean isExerciseSecret(Path relative) {
        return relative.getNameCount() >= 3 && relative.getName(0).toString().equals("exercises")
                && SECRET.contains(relative.getName(2).toString());
    }

    /** The SHA-256 of every regular file under {@code dir}. */
    static Set<String> digests(Path dir) throws IOException {
        Set<String> found = new HashSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                found.add(digest(file));
            }
        }
        return found;
    }

    static String digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
