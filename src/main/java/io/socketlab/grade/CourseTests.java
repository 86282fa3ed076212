package io.socketlab.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The course's tests of one exercise compiled against stubs of its starter ({@link StubWriter}),
 * ready to run apart from the learner's code. Everything here comes from the course, so it is
 * made once per course version (a digest of the starter and the tests) and kept for later runs.
 */
final class CourseTests {
    private static final Map<String, CourseTests> MADE = new ConcurrentHashMap<>();

    /** The compiled stubs and tests; also the folder the tests' JVM loads them from. */
    final Path classes;
    /** The tests' top-level classes, the only ones the tests' JVM looks for tests in. */
    final List<String> testClasses;
    /** Where each compiled class came from, to tell a hidden test by its folder. */
    final LearnerCompiler.Outcome compiled;

    private final Set<String> helpers;

    private CourseTests(Path classes, List<String> testClasses, Set<String> helpers, LearnerCompiler.Outcome compiled) {
        this.classes = classes;
        this.testClasses = testClasses;
        this.helpers = helpers;
        this.compiled = compiled;
    }

    /**
     * The tests in {@code testDirs} compiled against stubs of the classes in {@code starter}, made
     * now or taken from an earlier run with the same files. A failed compile is returned, not kept.
     * {@code starterClasses}, when not null, holds the starter already compiled (a learner's
     * {@code check} apart compiles the exercise's own {@code src/}, the starter the stubs are made from).
     */
    static CourseTests of(Path starter, Path starterClasses, List<Path> testDirs, List<Path> shownBases, Locale locale, Path withheld,
            String withheldLabel) throws IOException {
        String key = digest(starter, testDirs) + locale;
        CourseTests made = MADE.get(key);
        if (made != null && Files.isDirectory(made.classes)) {
            return made;
        }
        // the stubs are written and compiled while the folders' deletion at exit waits
        return ScratchFolders.writing(() -> make(key, starter, starterClasses, testDirs, shownBases, locale, withheld, withheldLabel));
    }

    private static CourseTests make(String key, Path starter, Path starterClasses, List<Path> testDirs, List<Path> shownBases,
            Locale locale, Path withheld, String withheldLabel) throws IOException {
        Path work = ScratchFolders.create("socketlab-course-tests");
        Path api = starterClasses;
        if (api == null) {
            api = work.resolve("starter");
            LearnerCompiler.Outcome starterCompiled = LearnerCompiler.compile(List.of(starter), api, shownBases, locale);
            if (!starterCompiled.ok()) {
                return new CourseTests(work, List.of(), Set.of(), starterCompiled);
            }
        }
        Path stubs = work.resolve("stubs");
        StubWriter.write(api, stubs);
        Path classes = work.resolve("classes");
        LearnerCompiler.Outcome compiled = LearnerCompiler.compile(
                Stream.concat(Stream.of(stubs), testDirs.stream()).toList(), classes, shownBases, locale, withheld, withheldLabel);
        Set<String> tests = new TreeSet<>();
        Set<String> helpers = new TreeSet<>();
        for (Map.Entry<String, Path> e : compiled.classSources().entrySet()) {
            if (testDirs.stream().anyMatch(d -> e.getValue().startsWith(d.toAbsolutePath().normalize()))) {
                helpers.add(e.getKey());
                if (!e.getKey().contains("$")) {
                    tests.add(e.getKey());
                }
            }
        }
        CourseTests made = new CourseTests(classes, List.copyOf(tests), Set.copyOf(helpers), compiled);
        if (compiled.ok()) {
            MADE.put(key, made);
        }
        return made;
    }

    boolean ok() {
        return compiled.ok();
    }

    /** The classes compiled from the test folders, nested ones included: a learner's class may take none of their names. */
    Set<String> testAndHelperClasses() {
        return helpers;
    }

    private static String digest(Path starter, List<Path> testDirs) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path dir : Stream.concat(Stream.of(starter), testDirs.stream()).toList()) {
                sha.update(dir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(file));
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
