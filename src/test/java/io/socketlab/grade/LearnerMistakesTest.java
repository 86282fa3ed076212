package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wrong solutions a learner writes, kept as fixtures in {@code src/test/resources/mistakes/
 * <exercise-id>/<case>/}: the files the learner changed (the starter gives the others) and an
 * {@code expect.txt}. Each is checked as {@code check} checks a learner, against the visible tests
 * only: it must not get full points, and each test named in {@code expect.txt} must fail with a
 * message that says the phrase given there, so the test that catches the mistake also teaches.
 *
 * <p>{@code expect.txt}: lines {@code testName: phrase} (English) or {@code zh testName: phrase}
 * (the same run in Chinese); lines starting with {@code #} say what the learner did, and
 * {@code # slow: why} marks a case that waits out a time limit, so it is started first, and
 * {@code # race: why} a race, checked again until caught ({@link #RACE}).
 *
 * <p>The fixtures are left out of a student handout (many are one slip from an answer), so this
 * test has nothing to run there.
 */
// Beside the other classes: its cases run on a pool of its own from @BeforeAll, each in folders of
// its own, and about two thirds of its minute is spent waiting out the time limits of slow cases
@Execution(ExecutionMode.CONCURRENT)
class LearnerMistakesTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();
    private static final Path MISTAKES = COURSE.resolve("src/test/resources/mistakes");
    /**
     * Cases run six at a time, the slow ones first: most of a slow case is waiting (a reply that
     * never comes, a test's own time limit), which the others fill, and started first, the longest
     * waits end before the quick cases do instead of after them (129 s for the class with four
     * workers in file order). Each worker thread keeps one warm test JVM per language, reused from
     * case to case while the learner's code leaves nothing behind.
     */
    private static final int WORKERS = 8;
    /** The comment that marks a case whose run waits out a time limit (about 10-35 s). */
    private static final String SLOW = "# slow:";
    /**
     * The comment that marks a race: a mistake only a test of threads running at once can catch,
     * and only when they do overlap, which a machine busy with other work makes rarer (a room kept
     * in a HashMap passed all seven tests once in a suite beside four busy loops). Such a case is
     * checked again, up to {@link #RACE_TRIES} runs in all, until its test catches it.
     */
    private static final String RACE = "# race:";
    private static final int RACE_TRIES = 4;
    private static final List<ExerciseChecker> CHECKERS = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<Map<Lang, ExerciseChecker>> OWN_CHECKERS = ThreadLocal.withInitial(() -> new EnumMap<>(Lang.class));
    private static final Map<String, Future<CheckResult>> RUNS = new ConcurrentHashMap<>();
    private static ExecutorService workers;
    private static List<Exercise> exercises;
    @TempDir
    static Path learners;

    @BeforeAll
    static void loadTheCourseAndStartEveryCase() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(MISTAKES), "a student handout carries no wrong solutions");
        exercises = ExerciseLoader.load(COURSE, new ArrayList<>());
        workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "mistake-case");
            thread.setDaemon(true);
            return thread;
        });
        List<Arguments> slowFirst = new ArrayList<>(mistakes().toList());
        slowFirst.sort(java.util.Comparator.comparing(arguments -> !marked((Path) arguments.get()[1], SLOW)));
        for (Arguments arguments : slowFirst) {
            String name = (String) arguments.get()[0];
            Path mistake = (Path) arguments.get()[1];
            Exercise exercise = exercise(mistake.getParent().getFileName().toString());
            for (Lang lang : expectations(mistake).stream().map(e -> Lang.valueOf(e[0])).distinct().toList()) {
                Path learner = Files.createDirectories(learners.resolve(name.replace('/', '_') + "_" + lang));
                Path src = learnerSources(exercise, mistake, learner);
                RUNS.put(name + " " + lang, workers.submit(() -> checker(lang).run(exercise, List.of(src, exercise.testDir()), learner)));
            }
        }
    }

    @AfterAll
    static void endTheTestJvms() {
        if (workers != null) {
            workers.shutdownNow();
        }
        CHECKERS.forEach(ExerciseChecker::close);
        CHECKERS.clear();
    }

    static Stream<Arguments> mistakes() throws IOException {
        if (!Files.isDirectory(MISTAKES)) {
            return Stream.of(Arguments.of("none in a student handout", MISTAKES));
        }
        // -Dmistakes=04-udp-upper runs one exercise's cases while writing them
        String only = System.getProperty("mistakes", "");
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> ids = Files.list(MISTAKES)) {
            for (Path exercise : ids.filter(Files::isDirectory).filter(e -> e.getFileName().toString().startsWith(only)).sorted().toList()) {
                try (Stream<Path> names = Files.list(exercise)) {
                    for (Path mistake : names.filter(Files::isDirectory).sorted().toList()) {
                        cases.add(Arguments.of(exercise.getFileName() + "/" + mistake.getFileName(), mistake));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aTypicalMistakeFailsAVisibleTestWhoseMessageNamesIt(String name, Path mistake) throws Exception {
        Exercise exercise = exercise(mistake.getParent().getFileName().toString());
        List<String[]> expected = expectations(mistake);
        assertTrue(!expected.isEmpty(), name + ": expect.txt names no test");
        boolean race = marked(mistake, RACE);
        for (String[] expectation : expected) {
            CheckResult result = RUNS.get(name + " " + expectation[0]).get(10, TimeUnit.MINUTES);
            Lang lang = Lang.valueOf(expectation[0]);
            Path learner = learners.resolve(name.replace('/', '_') + "_" + lang);
            for (int run = 1; race && run < RACE_TRIES && !failed(result, expectation[1]); run++) {
                result = checker(lang).run(exercise, List.of(learner.resolve("src"), exercise.testDir()), learner);
            }
            CheckResult checked = result;
            assertNotEquals("error", checked.status(), () -> name + " must compile and run: " + checked.message() + "\n" + checked.output());
            double earned = checked.tests().stream().mapToDouble(TestResult::points).sum();
            assertTrue(earned < exercise.points() - 1e-9, () -> name + " got full points: " + summary(checked));
            TestResult test = checked.tests().stream().filter(t -> t.name().equals(expectation[1])).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no visible test " + expectation[1] + " ran\n" + summary(checked)));
            String tries = race ? " (not in " + RACE_TRIES + " runs)" : "";
            assertEquals("fail", test.status(), () -> name + ": " + expectation[1] + " should catch this mistake" + tries + "\n" + summary(checked));
            assertTrue(test.message().contains(expectation[2]),
                    () -> name + ": " + expectation[1] + " failed without saying \"" + expectation[2] + "\":\n" + test.message());
        }
    }

    @Test
    void everyExerciseHasItsTypicalMistakes() throws IOException {
        for (Exercise exercise : exercises) {
            Path folder = MISTAKES.resolve(exercise.id());
            assertTrue(Files.isDirectory(folder), "no wrong solutions for " + exercise.id());
            try (Stream<Path> cases = Files.list(folder)) {
                assertTrue(cases.filter(Files::isDirectory).count() >= 3, exercise.id() + " needs at least 3 wrong solutions");
            }
        }
    }

    private static ExerciseChecker checker(Lang lang) {
        return OWN_CHECKERS.get().computeIfAbsent(lang, l -> {
            // as a learner's check runs: the tests compiled against a learner's API are kept, here
            // for every case at once, so a wrong reuse of them would let a mistake pass
            ExerciseChecker checker = new ExerciseChecker(l, true).keepingCompiledTests(new CompiledTestCache(learners.resolve("kept")));
            CHECKERS.add(checker);
            return checker;
        });
    }

    private static Exercise exercise(String id) {
        return exercises.stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("mistakes/" + id + " names no exercise"));
    }

    /** True when the case's expect.txt has a line starting with {@code marker}. */
    private static boolean marked(Path mistake, String marker) {
        try {
            return Files.readAllLines(mistake.resolve("expect.txt"), StandardCharsets.UTF_8).stream().anyMatch(l -> l.startsWith(marker));
        } catch (IOException e) {
            return false; // the case itself reports the missing file
        }
    }

    private static boolean failed(CheckResult result, String test) {
        return result.tests().stream().anyMatch(t -> t.name().equals(test) && t.status().equals("fail"));
    }

    /** {lang, test, phrase} for each line of expect.txt. */
    private static List<String[]> expectations(Path mistake) throws IOException {
        List<String[]> found = new ArrayList<>();
        for (String line : Files.readAllLines(mistake.resolve("expect.txt"), StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Lang lang = Lang.EN;
            if (text.startsWith("zh ")) {
                lang = Lang.ZH;
                text = text.substring(3);
            }
            int colon = text.indexOf(": ");
            assertTrue(colon > 0, mistake + "/expect.txt: expected 'testName: phrase', found '" + line + "'");
            found.add(new String[] {lang.name(), text.substring(0, colon), text.substring(colon + 2)});
        }
        return found;
    }

    /** The starter's files with the mistake's files written over them, as the learner's src/. */
    private static Path learnerSources(Exercise exercise, Path mistake, Path learner) throws IOException {
        Path src = learner.resolve("src");
        copyTree(exercise.srcDir(), src);
        copyTree(mistake, src);
        Files.delete(src.resolve("expect.txt"));
        return src;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String summary(CheckResult result) {
        return result.message() + "\n" + result.tests().stream()
                .map(t -> "  " + t.status() + " " + t.name() + (t.passed() ? "" : ": " + t.message()))
                .collect(Collectors.joining("\n"));
    }
}
