package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The practice checker keeps the tests compiled against a learner's API: a check must judge the
 * learner's newest code exactly as a checker that compiles everything every time would.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own folders, checker and tests' JVM
class CompiledTestCacheTest {
    private static final String TEST = """
            package exercise.kept;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import org.junit.jupiter.api.Test;

            class GreeterTest {
                @Test void greets() { assertEquals("hi", Greeter.greet()); }
                @Test void listensOnSeven() { assertEquals(7, Greeter.PORT, "the port"); }
                @Test void takesAnIntAsAnInt() { assertEquals("int", Greeter.kind(5)); }
            }
            """;
    private static final String LEARNER = """
            package exercise.kept;

            public final class Greeter {
                public static final int PORT = 7;
                public static String greet() { return "hi"; }
                public static String kind(long x) { return "long"; }
                public static String kind(int x) { return "int"; }
            }
            """;

    @TempDir
    Path dir;
    private ExerciseChecker cached;
    private final ExerciseChecker plain = new ExerciseChecker(Lang.EN);

    @AfterEach
    void endTheJvms() {
        if (cached != null) {
            cached.close();
        }
        plain.close();
    }

    @Test
    void aSaveThatKeepsTheSignaturesReusesTheTestsAndIsJudgedOnItsNewBody() throws IOException {
        Exercise exercise = exercise(LEARNER);
        assertEquals("pass", check(exercise).status());
        assertEquals(1, entries());
        learner(LEARNER.replace("return \"hi\";", "return \"yo\";"));
        CheckResult result = check(exercise);
        assertEquals("fail", result.status());
        assertEquals(List.of("greets"), failed(result));
        assertEquals(1, entries(), "a body changed, the API not: the tests' classes are taken from the cache");
    }

    @Test
    void aChangedConstantIsInlinedIntoTheTestsAgain() throws IOException {
        Exercise exercise = exercise(LEARNER);
        assertEquals("pass", check(exercise).status());
        learner(LEARNER.replace("PORT = 7", "PORT = 8"));
        CheckResult result = check(exercise);
        assertEquals(List.of("listensOnSeven"), failed(result), "tests compiled with PORT = 7 inlined would still pass");
        assertEquals(2, entries());
    }

    @Test
    void anOverloadAddedChangesWhichMethodTheTestsCall() throws IOException {
        String longOnly = LEARNER.replace("    public static String kind(int x) { return \"int\"; }\n", "");
        Exercise exercise = exercise(longOnly);
        assertEquals(List.of("takesAnIntAsAnInt"), failed(check(exercise)), "kind(5) calls kind(long) while it is the only one");
        learner(LEARNER);
        assertEquals("pass", check(exercise).status(), "tests compiled against kind(long) alone would still call it");
    }

    @Test
    void compileErrorsReadAsWithoutTheCache() throws IOException {
        Exercise exercise = exercise(LEARNER);
        assertEquals("pass", check(exercise).status());
        for (String broken : List.of(
                LEARNER.replace("greet()", "hello()"), // the tests call what is gone
                LEARNER.replace("return \"hi\";", "return 1;"), // the learner's own error
                LEARNER.replace("return \"hi\";", "return \"hi\""))) { // a syntax error
            learner(broken);
            CheckResult withCache = check(exercise);
            CheckResult without = plain.check(exercise);
            assertEquals("error", withCache.status());
            assertEquals(without.message(), withCache.message());
            assertEquals(without.output(), withCache.output());
        }
    }

    @Test
    void aLearnersClassTakingATestsNameIsRefusedAsWithoutTheCache() throws IOException {
        Exercise exercise = exercise(LEARNER);
        assertEquals("pass", check(exercise).status());
        Files.writeString(dir.resolve("01-kept/src/exercise/kept/GreeterTest.java"),
                "package exercise.kept;\nclass GreeterTest {}\n", StandardCharsets.UTF_8);
        CheckResult withCache = check(exercise);
        CheckResult without = plain.check(exercise);
        assertEquals("error", withCache.status());
        assertEquals(without.message(), withCache.message());
        assertEquals(without.output(), withCache.output());
    }

    @Test
    void aDamagedEntryIsCompiledAgain() throws IOException {
        Exercise exercise = exercise(LEARNER);
        assertEquals("pass", check(exercise).status());
        Path sources;
        try (Stream<Path> walk = Files.walk(dir.resolve("kept"))) {
            sources = walk.filter(p -> p.getFileName().toString().equals("sources.txt")).findFirst().orElseThrow();
        }
        Files.writeString(sources, "exercise.kept.GreeterTest\tnine\tGreeterTest.java\n", StandardCharsets.UTF_8);
        assertEquals("pass", check(exercise).status());
        assertEquals("pass", check(exercise).status());
        assertTrue(Files.readString(sources, StandardCharsets.UTF_8).contains("\t0\t"), "the entry is made again");
    }

    @Test
    void aCacheFolderThatCannotBeMadeOnlyMeansNothingIsKept() throws IOException {
        Exercise exercise = exercise(LEARNER);
        Path file = Files.writeString(dir.resolve("a-file"), "", StandardCharsets.UTF_8);
        cached = new ExerciseChecker(Lang.EN, true).keepingCompiledTests(new CompiledTestCache(file.resolve("kept")));
        assertEquals("pass", check(exercise).status());
        learner(LEARNER.replace("return \"hi\";", "return \"yo\";"));
        assertEquals(List.of("greets"), failed(check(exercise)));
    }

    private CheckResult check(Exercise exercise) {
        if (cached == null) {
            cached = new ExerciseChecker(Lang.EN, true).keepingCompiledTests(new CompiledTestCache(dir.resolve("kept")));
        }
        return cached.check(exercise);
    }

    private Exercise exercise(String learner) throws IOException {
        Path ex = dir.resolve("01-kept");
        Files.createDirectories(ex.resolve("test/exercise/kept"));
        Files.writeString(ex.resolve("README.md"), "---\ntitle: Kept tests\npoints: 3\ntimeout: 10\n---\nFixture.\n",
                StandardCharsets.UTF_8);
        Files.writeString(ex.resolve("test/exercise/kept/GreeterTest.java"), TEST, StandardCharsets.UTF_8);
        learner(learner);
        List<io.socketlab.course.Problem> problems = new ArrayList<>();
        Exercise exercise = ExerciseLoader.loadOne(ex, problems);
        assertEquals(List.of(), problems);
        return exercise;
    }

    private void learner(String source) throws IOException {
        Path file = dir.resolve("01-kept/src/exercise/kept/Greeter.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
    }

    /** How many APIs the tests were compiled against so far. */
    private long entries() throws IOException {
        try (Stream<Path> walk = Files.walk(dir.resolve("kept"), 2)) {
            return walk.filter(p -> dir.resolve("kept").relativize(p).getNameCount() == 2 && Files.isDirectory(p))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static List<String> failed(CheckResult result) {
        return result.tests().stream().filter(t -> !t.passed()).map(TestResult::name).toList();
    }
}
