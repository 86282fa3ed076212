package io.socketlab.instructor;

import io.socketlab.course.Problem;
import java.io.IOException;
import java.io.InputStream;
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
 * the grader's test submissions, build output, progress or version control. Refused before anything
 * is written when a starter gives the answer away ({@link SolvedStarters}), and checked afterwards so
 * nothing secret slipped in.
 */
public final class Handout {
    /** What the handout copies from the course root, when present. */
    static final List<String> TOP_LEVEL = List.of("pom.xml", "socketlab", "README.md", "README.zh.md", ".gitignore", "src", "lessons",
            "exercises", "docs", "bench", "python", ".ci");
    private static final Set<String> NEVER = Set.of("target", ".socketlab", ".git");
    private static final Set<String> SECRET = Set.of("solution", "hidden");
    /** The grader's own test submissions: several are copies of a reference solution. */
    static final Path GRADER_FIXTURES = Path.of("src", "test", "resources", "submissions");

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

    /**
     * Writes the handout of {@code course} into {@code out} (created if missing, refused if not
     * empty), then scans it. Returns the number of files written.
     *
     * @throws NotEmptyException when {@code out} already holds something
     * @throws SolvedStarterException when a starter gives the answer away; checked before anything is written
     * @throws LeakException when a solution or hidden file is found in the handout afterwards
     */
    public static int release(Path course, Path out) throws IOException, InterruptedException {
        Path root = course.toAbsolutePath().normalize();
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            try (Stream<Path> list = Files.list(target)) {
                if (list.findAny().isPresent()) {
                    throw new NotEmptyException(target);
                }
            }
        } else if (Files.exists(target)) {
            throw new NotEmptyException(target);
        }
        List<Problem> solved = SolvedStarters.find(root, Runtime.getRuntime().availableProcessors());
        if (!solved.isEmpty()) {
            throw new SolvedStarterException(solved);
        }
        Files.createDirectories(target);
        int[] count = {0};
        for (String name : TOP_LEVEL) {
            Path from = root.resolve(name);
            if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.equals(target) || root.relativize(dir).equals(GRADER_FIXTURES) || NEVER.contains(dir.getFileName().toString()) || isExerciseSecret(root.relativize(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(target.resolve(root.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        Files.copy(file, target.resolve(root.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                        count[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        List<Path> leaks = leaks(root, target);
        if (!leaks.isEmpty()) {
            throw new LeakException(leaks.get(0));
        }
        return count[0];
    }

    /**
     * Files in {@code handout} that are, by place, name or content, one of the course's solution or
     * hidden test files (content shared with a starter or visible test does not count). Empty when
     * the handout is clean.
     */
    public static List<Path> leaks(Path course, Path handout) throws IOException {
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
                        || digests.contains(digest(file))) {
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

    private static String digest(Path file) throws IOException {
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
