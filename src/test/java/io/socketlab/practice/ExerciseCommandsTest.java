package io.socketlab.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.TestFiles;
import io.socketlab.cli.Main;
import io.socketlab.progress.ProgressStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseCommandsTest {
    @TempDir
    Path course;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private InputStream savedIn;

    @BeforeEach
    void copyFixturesAndCaptureOutput() throws IOException {
        for (String id : new String[] {"01-passing", "02-failing", "09-no-tests"}) {
            TestFiles.copyFixture(id, course);
        }
        savedIn = System.in;
    }

    @AfterEach
    void restoreStreams() {
        System.setIn(savedIn);
    }

    private int run(String... args) {
        String[] all = Stream.concat(Stream.of("--course", course.toString(), "--lang", "en"), Stream.of(args)).toArray(String[]::new);
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), all);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void checkOfPassingExerciseExitsZeroAndUnlocksTheSolution() {
        assertEquals(0, run("check", "01-passing"));
        assertTrue(printed().contains("All 2 tests passed."), printed());
        assertTrue(printed().contains("solution"), printed());
        assertTrue(new ProgressStore(course, s -> { }).load().isDone("01-passing"));
    }

    @Test
    void aSecondCheckTakesTheTestsCompiledByTheFirstAndAGradeCheckKeepsNone() throws IOException {
        Path kept = course.resolve(".socketlab/compiled-tests");
        assertEquals(1, run("check", "02-failing", "--sandbox", "off"));
        assertFalse(Files.exists(kept), "a check as grades are made compiles everything, every time");
        assertEquals(1, run("check", "02-failing"));
        assertEquals(1, run("check", "02-failing"));
        try (Stream<Path> entries = Files.walk(kept)) {
            assertEquals(1, entries.filter(p -> p.getFileName().toString().equals("sources.txt")).count());
        }
        assertEquals(3, printed().split("1 of 2 tests failed\\.", -1).length - 1, printed());
    }

    @Test
    void checkOfFailingExerciseExitsOne() {
        assertEquals(1, run("check", "2"));
        assertTrue(printed().contains("1 of 2 tests failed."), printed());
        assertTrue(printed().contains("Stuck? ./socketlab hint 02-failing"), printed());
    }

    @Test
    void checkWithNoTestsExitsOne() {
        assertEquals(1, run("check", "09-no-tests", "--json"));
        assertTrue(printed().contains("\"status\" : \"error\""), printed());
    }

    @Test
    void unknownExerciseIsAUsageError() {
        assertEquals(2, run("check", "99-nothing"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Known: 01-passing, 02-failing, "), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void inChineseTheKnownExercisesAreListedWithTheEnumerationComma() {
        // run gives --lang en first; the last --lang wins, as it would over a shell alias's
        assertEquals(2, run("--lang", "zh", "check", "99-nothing"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("现有练习：01-passing、02-failing、"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void watchTakesTheExerciseToWatch() {
        // named like check's; an unknown one is refused before any terminal opens
        assertEquals(2, run("watch", "99"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown exercise '99'. Known: 01-passing"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void hintsComeOneAtATimeAndAreRemembered() {
        assertEquals(0, run("hint", "01-passing"));
        assertEquals(0, run("hint", "01-passing"));
        assertTrue(printed().contains("Hint 1/2 for 01-passing:\n  first hint"), printed());
        assertTrue(printed().contains("Hint 2/2 for 01-passing:\n  second hint\nThat was the last hint for 01-passing; asking again starts over from the first."),
                printed());
        assertEquals(2, new ProgressStore(course, s -> { }).load().hintsShown("01-passing"));
    }

    /** Writes the course's progress file by hand, as a learner editing it would; returns its path. */
    private Path progressFile(String json) throws IOException {
        Path file = course.resolve(".socketlab/progress.json");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, json);
    }

    @Test
    void aHandEditedNegativeHintCounterShowsTheFirstHintAndSaysWhatWasCorrected() throws IOException {
        Path file = progressFile("{\"hintsShown\":{\"01-passing\":-5}}");

        assertEquals(0, run("hint", "1"));

        assertTrue(printed().contains("Hint 1/2 for 01-passing:\n  first hint"), printed());
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("Your progress file " + file + " had values SocketLab cannot use (hintsShown.01-passing was -5, now 0)"), said);
        assertEquals(1, said.strip().lines().count(), said);
        assertEquals(1, new ProgressStore(course, s -> { }).load().hintsShown("01-passing"));
        try (Stream<Path> kept = Files.list(file.getParent())) {
            assertEquals(1, kept.filter(p -> p.getFileName().toString().startsWith("progress.json.bad-")).count());
        }
    }

    @Test
    void anUnparsableProgressFileIsOneLineNamingItAndTheHintStillComes() throws IOException {
        Path file = progressFile("{\"hintsShown\": {\"01-passing\": 1,,}}");

        assertEquals(0, run("hint", "1"));

        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("Your progress file " + file + " could not be read (not valid JSON at line 1, column "), said);
        assertTrue(said.contains("it was moved to " + file + ".bad-"), said);
        assertEquals(1, said.strip().lines().count(), said);
        assertFalse(said.contains("Exception"), said);
        assertTrue(printed().contains("first hint"), printed());
    }

    @Test
    void resetWithoutStdinRefusesAndKeepsTheFile() throws IOException {
        Path subject = course.resolve("exercises/02-failing/src/Subject.java");
        assertEquals(1, run("check", "02-failing"));
        Files.writeString(subject, "edited");
        System.setIn(new ByteArrayInputStream(new byte[0]));
        assertEquals(2, run("reset", "02-failing"));
        assertEquals("edited", Files.readString(subject));
    }

    @Test
    void resetAfterYesRestoresTheStarter() throws IOException {
        Path subject = course.resolve("exercises/02-failing/src/Subject.java");
        String starter = Files.readString(subject);
        assertEquals(1, run("check", "02-failing"));
        Files.writeString(subject, "edited");
        System.setIn(new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, run("reset", "02-failing"));
        assertEquals(starter, Files.readString(subject));
    }

    @Test
    void theStarterIsKeptOnTheFirstRunSoResetWorksBeforeAnyCheck() throws IOException {
        Path subject = course.resolve("exercises/01-passing/src/Subject.java");
        String starter = Files.readString(subject);
        assertEquals(0, run("hint", "02-failing"));
        Files.writeString(subject, "edited before any check");
        System.setIn(new ByteArrayInputStream("y\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, run("reset", "01-passing"));
        assertEquals(starter, Files.readString(subject));
    }

    @Test
    void resetWithNoKeptStarterChangesNothingAndSaysHowToGetItBack() throws IOException {
        Path subject = course.resolve("exercises/02-failing/src/Subject.java");
        Files.writeString(subject, "edited");
        assertEquals(1, run("reset", "02-failing", "--yes"));
        assertEquals("edited", Files.readString(subject));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("git checkout -- exercises/02-failing/src"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theSolutionIsLockedUntilACheckPassesThenShown() {
        assertEquals(1, run("solution", "01-passing"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unlocks once your code passes its tests"), err.toString(StandardCharsets.UTF_8));
        assertEquals("", printed());
        assertEquals(0, run("check", "01-passing"));
        assertTrue(printed().contains("./socketlab solution 01-passing"), printed());
        assertEquals(0, run("solution", "01-passing", "--plain"));
        assertTrue(printed().contains("Reference solution of 01-passing"), printed());
        assertTrue(printed().contains("solution/Subject.java"), printed());
        assertTrue(printed().contains("static String shout"), printed());
    }

    @Test
    void aSolutionPrintedPlainKeepsLongLinesWhole() throws IOException {
        String longLine = "    // " + "a comment far longer than any terminal is wide, ".repeat(4).strip();
        Path subject = course.resolve("exercises/01-passing/solution/Subject.java");
        Files.writeString(subject, Files.readString(subject) + longLine + "\n");
        assertEquals(0, run("check", "01-passing"));
        assertEquals(0, run("solution", "01-passing"));
        assertTrue(printed().contains(longLine.strip()), "code is for copying: no line of it may be cut\n" + printed());
    }

    @Test
    void aHandoutWithoutSolutionsSaysSo() throws IOException {
        Path solution = course.resolve("exercises/01-passing/solution");
        try (Stream<Path> walk = Files.walk(solution)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertEquals(0, run("check", "01-passing"));
        assertTrue(printed().contains("Well done."), printed());
        assertFalse(printed().contains("socketlab solution"), "no solution is promised where there is none: " + printed());
        assertEquals(1, run("solution", "01-passing"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no reference solution for 01-passing"), err.toString(StandardCharsets.UTF_8));
    }
}
