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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wrong solutions of exercises 12 to 15 in {@code src/test/resources/mistakes/<id>/<case>/}: the
 * files the learner changed (the starter gives the others) and an {@code expect.txt} of lines
 * {@code testName: phrase} or {@code zh testName: phrase}. Each is checked as {@code check} checks a
 * learner: the named visible test fails, and its message says the phrase, so it teaches.
 */
class LaterExerciseMistakesTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();
    private static final Path MISTAKES = COURSE.resolve("src/test/resources/mistakes");
    private static final List<String> EXERCISES = List.of("12-web-server", "13-webget", "14-every-address", "15-socket-table");

    static Stream<String> cases() throws IOException {
        List<String> cases = new ArrayList<>();
        for (String id : EXERCISES) {
            Path folder = MISTAKES.resolve(id);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> names = Files.list(folder)) {
                    names.filter(Files::isDirectory).sorted().forEach(p -> cases.add(id + "/" + p.getFileName()));
                }
            }
        }
        return cases.isEmpty() ? Stream.of("none in a student handout") : cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aTypicalMistakeFailsAVisibleTestThatNamesIt(String name, @TempDir Path learner) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(MISTAKES.resolve(name)), "a student handout carries no wrong solutions");
        Path mistake = MISTAKES.resolve(name);
        String id = name.substring(0, name.indexOf('/'));
        Exercise exercise = ExerciseLoader.load(COURSE, new ArrayList<>()).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        Path src = learner.resolve("src");
        copy(exercise.srcDir(), src);
        copy(mistake, src);
        Files.deleteIfExists(src.resolve("expect.txt"));
        List<String> expectations = Files.readAllLines(mistake.resolve("expect.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(!expectations.isEmpty(), name + ": expect.txt names no test");
        for (String expectation : expectations) {
            Lang lang = expectation.startsWith("zh ") ? Lang.ZH : Lang.EN;
            String text = lang == Lang.ZH ? expectation.substring(3) : expectation;
            String test = text.substring(0, text.indexOf(": "));
            String phrase = text.substring(text.indexOf(": ") + 2);
            CheckResult result = new ExerciseChecker(lang).run(exercise, List.of(src, exercise.testDir()), learner);
            assertNotEquals("error", result.status(), () -> name + " must compile and run: " + result.message() + "\n" + result.output());
            TestResult failed = result.tests().stream().filter(t -> t.name().equals(test)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no visible test " + test + "\n" + result.output()));
            assertEquals("fail", failed.status(), () -> name + ": " + test + " should catch this mistake");
            assertTrue(failed.message().contains(phrase), () -> name + ": " + test + " failed without saying \"" + phrase + "\":\n" + failed.message());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
