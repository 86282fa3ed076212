package io.socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.TestFiles;
import io.socketlab.course.Course;
import io.socketlab.course.CourseLoader;
import io.socketlab.i18n.Lang;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import io.socketlab.shell.Shell;
import io.socketlab.shell.ShellDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** check, hint and solution typed at the shell's prompt, on the chapter's exercise. */
@Timeout(60)
class ExerciseShellTest {
    @TempDir
    Path root;

    @BeforeEach
    void course() throws IOException {
        copyFixture("01-passing");
        copyFixture("03-infinite-loop");
        write("lessons/en/01-first.md", "---\ntitle: Shouting\nexercises: [01-passing]\n---\n\nBody.\n");
        write("lessons/zh/01-first.md", "---\ntitle: 大喊\nexercises: [01-passing]\n---\n\n正文。\n");
        write("lessons/en/02-second.md", "---\ntitle: Looping\nexercises: [03-infinite-loop]\n---\n\nBody.\n");
        write("lessons/zh/02-second.md", "---\ntitle: 循环\nexercises: [03-infinite-loop]\n---\n\n正文。\n");
        write("lessons/en/03-third.md", "---\ntitle: Resting\n---\n\nBody.\n");
        write("lessons/zh/03-third.md", "---\ntitle: 休息\n---\n\n正文。\n");
    }

    private void copyFixture(String id) throws IOException {
        TestFiles.copyFixture(id, root);
    }

    @Test
    void hintCheckAndSolutionWorkOnTheChaptersExercise() throws Exception {
        String screen = session("hint\r", "solution\r", "check\r", "solution\r", "quit\r");
        assertTrue(screen.contains("Hint 1/2 for 01-passing:"), screen);
        assertTrue(screen.contains("first hint"), screen);
        assertTrue(screen.contains("The reference solution of 01-passing unlocks once your code passes its tests."), screen);
        assertTrue(screen.contains("All 2 tests passed."), screen);
        assertTrue(screen.contains("type \"solution 01-passing\""), screen);
        assertTrue(screen.contains("Reference solution of 01-passing"), screen);
        assertTrue(screen.contains("solution/Subject.java"), screen);
        assertTrue(screen.contains("static String shout"), screen);
        Progress saved = new ProgressStore(root, w -> { }).load();
        assertTrue(saved.isDone("01-passing"));
        assertEquals(1, saved.hintsShown("01-passing"));
    }

    @Test
    void aSecondCheckReusesTheWarmJvmAndQuittingEndsIt() throws Exception {
        String screen = session("check\r", "check\r", "quit\r");
        assertEquals(2, screen.split("All 2 tests passed.", -1).length - 1, screen);
        // the JVM kept warm between checks ends with the shell
        List<ProcessHandle> left = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("ChildTestRunner")).toList();
        assertEquals(List.of(), left.stream().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void ctrlCStopsACheckAndTheCourseCarriesOn() throws Exception {
        // the fixture loops forever; without Ctrl-C the check would end at its 2 s limit instead
        String screen = session("go 2\r", "check\r", ShellDriver.CTRL_C_AFTER + "Checking 03-infinite-loop", "list\r", "quit\r");
        assertTrue(screen.contains("Check stopped (Ctrl-C): nothing was judged."), screen);
        assertFalse(screen.contains("did not finish within"), screen);
        // the course carried on: the next command was answered
        assertTrue(screen.contains(" > [x]  2  Looping"), screen);
    }

    @Test
    void inAChapterWithoutExerciseHintAndCheckUseTheExerciseLastWorkedOn() throws Exception {
        String screen = session("go 3\r", "hint\r", "check 1 2\r", "check --json\r", "check 01-passing\r", "hint\r", "quit\r");
        assertTrue(screen.contains("This chapter has no exercise. Name one, such as hint 1 (./socketlab list shows them all)."), screen);
        assertEquals(2, screen.split("check takes at most one exercise id or number, such as check 1.", -1).length - 1, screen);
        assertTrue(screen.contains("All 2 tests passed."), screen);
        assertTrue(screen.contains("Hint 1/2 for 01-passing:"), screen);
    }

    @Test
    void afterAFailedCheckTheStuckLineNamesTheExerciseChecked() throws Exception {
        // chapter 1's exercise is 01-passing: a bare "hint" would not be about 03
        String screen = session("check 3\r", "quit\r");
        assertTrue(screen.contains("type check 03-infinite-loop again. Stuck? Type hint 03-infinite-loop."), screen);
    }

    @Test
    void passesRecordedByAnotherProcessWhileTheShellIsOpenAreKept() throws Exception {
        write("lessons/en/02-second.md", "---\ntitle: Echo\n---\n\nSecond body.\n");
        write("lessons/zh/02-second.md", "---\ntitle: 回声\n---\n\n第二章。\n");
        String screen = session(List.of(anotherProcess(progress -> {
            progress.markDone("01-passing");
            progress.markDone("07-framing");
            progress.setCurrentExercise("07-framing");
        })), "elsewhere\r", "next\r", "quit\r");
        assertTrue(screen.contains("Second body."), screen);
        Progress saved = new ProgressStore(root, w -> { }).load();
        assertEquals(Set.of("01-passing", "07-framing"), saved.exercisesDone());
        assertEquals(2, saved.currentChapter(), "the shell moved, so its chapter is stored");
        assertEquals("07-framing", saved.currentExercise(), "the shell did not change the current exercise, so the other process's stays");
    }

    @Test
    void theShellSeesAPassRecordedByAnotherProcess() throws Exception {
        String screen = session(List.of(anotherProcess(progress -> progress.markDone("01-passing"))),
                "elsewhere\r", "solution\r", "quit\r");
        assertTrue(screen.contains("Reference solution of 01-passing"), screen);
        assertTrue(screen.contains("static String shout"), screen);
    }

    private Shell.Extension anotherProcess(Consumer<Progress> change) {
        return ShellDriver.elsewhere(root, change);
    }

    @Test
    void tabCompletesEveryExerciseEvenInAChapterWithoutOne() throws Exception {
        // chapter 3 lists no exercise: Tab still knows them all
        String screen = session("go 3\r", "hint 01-pa\t\r", "quit\r");
        assertTrue(screen.contains("Hint 1/2 for 01-passing:"), screen);
    }

    @Test
    void listInTheShellShowsTheExercisesToo() throws Exception {
        String screen = session("list\r", "quit\r");
        assertTrue(screen.contains("Exercises"), screen);
        assertTrue(screen.contains("01-passing"), screen);
        assertTrue(screen.contains("03-infinite-loop"), screen);
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Runs the shell with the exercise commands and types each step once the prompt is back. */
    private String session(String... steps) throws Exception {
        return session(List.of(), steps);
    }

    private String session(List<Shell.Extension> more, String... steps) throws Exception {
        Course course = new CourseLoader(Workspace.demoIds()).load(root);
        ProgressStore store = new ProgressStore(root, w -> { });
        List<Shell.Extension> extensions = new ArrayList<>(List.of(new ExerciseExtension(root, store, false)));
        extensions.addAll(more);
        return ShellDriver.session(terminal -> new Shell(terminal, course, Lang.EN, store,
                new Shell.Settings(false, true, root.resolve(".socketlab/history")), extensions), steps);
    }
}
