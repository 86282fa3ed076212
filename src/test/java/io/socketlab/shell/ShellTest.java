package io.socketlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Course;
import io.socketlab.course.CourseLoader;
import io.socketlab.demo.Demos;
import io.socketlab.i18n.Lang;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives the shell through a terminal built on streams, as a learner would type. */
@Timeout(20)
class ShellTest {
    @TempDir
    Path root;

    @BeforeEach
    void course() throws IOException {
        String[][] chapters = {
            {"01-first", "Opening the door", "打开门"},
            {"02-second", "Talking", "对话"},
            {"03-third", "Hanging up", "挂断"},
        };
        for (String[] c : chapters) {
            String demos = c[0].startsWith("03") ? "demos: [phone]\n" : "";
            write("lessons/en/" + c[0] + ".md", "---\ntitle: " + c[1] + "\n" + demos + "---\n\nBody of " + c[1] + ".\n");
            write("lessons/zh/" + c[0] + ".md", "---\ntitle: " + c[2] + "\n" + demos + "---\n\n" + c[2] + "的正文。\n");
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static final String CTRL_C = ShellDriver.CTRL_C;

    /** Runs the shell on this course with the demo commands and types {@code steps}; returns the screen. */
    private String session(Lang lang, String... steps) throws Exception {
        return session(lang, List.of(), steps);
    }

    private String session(Lang lang, List<Shell.Extension> more, String... steps) throws Exception {
        Course course = new CourseLoader(Demos.ids()).load(root);
        ProgressStore store = new ProgressStore(root, w -> { });
        List<Shell.Extension> extensions = new ArrayList<>(List.of(new DemoExtension(course, false, store)));
        extensions.addAll(more);
        return ShellDriver.session(terminal -> new Shell(terminal, course, lang, store,
                new Shell.Settings(false, true, root.resolve(".socketlab/history")), extensions), steps);
    }

    private Progress saved() {
        return new ProgressStore(root, w -> { }).load();
    }

    @Test
    void firstRunOpensChapterOne() throws Exception {
        String screen = session(Lang.EN, "quit\r");
        assertTrue(screen.contains("Welcome to SocketLab"), screen);
        assertTrue(screen.contains("Body of Opening the door."), screen);
    }

    @Test
    void theLanguageChosenWithLangIsSavedForTheNextVisit() throws Exception {
        session(Lang.EN, "lang zh\r", "quit\r");
        assertEquals("zh", saved().language());
    }

    @Test
    void aFirstVisitAfterOnlyListingIsNoReturn() throws Exception {
        // another command (./socketlab list, check) may create the progress file before the first visit
        new ProgressStore(root, w -> { }).update(progress -> progress.setCurrentExercise("01-phone-server"));
        String screen = session(Lang.EN, "quit\r");
        assertTrue(screen.contains("Welcome to SocketLab"), screen);
        assertFalse(screen.contains("Welcome back"), screen);
    }

    @Test
    void nextAndPrevMoveBetweenChaptersAndAreSaved() throws Exception {
        String screen = session(Lang.EN, "next\r", "next\r", "prev\r", "quit\r");
        assertTrue(screen.contains("Body of Hanging up."), screen);
        assertEquals(2, saved().currentChapter());
        assertTrue(saved().isRead(3));
    }

    @Test
    void goAndBareNumberJump() throws Exception {
        session(Lang.EN, "go 3\r", "quit\r");
        assertEquals(3, saved().currentChapter());
        session(Lang.EN, "1\r", "quit\r");
        assertEquals(1, saved().currentChapter());
    }

    @Test
    void resumesWhereTheLearnerLeftOff() throws Exception {
        session(Lang.EN, "go 2\r", "quit\r");
        String screen = session(Lang.EN, "quit\r");
        assertTrue(screen.contains("Welcome back. You were on chapter 2."), screen);
        assertTrue(screen.contains("Body of Talking."), screen);
        assertFalse(screen.contains("Body of Opening the door."), screen);
    }

    @Test
    void listMarksReadChapters() throws Exception {
        String screen = session(Lang.EN, "next\r", "list\r", "quit\r");
        assertTrue(screen.contains("   [x]  1  Opening the door"), screen);
        assertTrue(screen.contains(" > [x]  2  Talking"), screen);
        assertTrue(screen.contains("   [ ]  3  Hanging up"), screen);
    }

    @Test
    void listShowsChaptersReadByAnotherProcessAndTheShellStaysOnItsOwn() throws Exception {
        // what `./socketlab read 3` in another terminal does, and a later move of that shell
        Shell.Extension elsewhere = ShellDriver.elsewhere(root, progress -> {
            progress.markRead(3);
            progress.setCurrentChapter(3);
        });
        String screen = session(Lang.EN, List.of(elsewhere), "elsewhere\r", "list\r", "next\r", "quit\r");
        assertTrue(screen.contains(" > [x]  1  Opening the door"), screen);
        assertTrue(screen.contains("   [x]  3  Hanging up"), screen);
        assertTrue(screen.contains("Body of Talking."), "next goes on from the chapter on screen: " + screen);
        assertEquals(2, saved().currentChapter());
        assertEquals(Set.of(1, 2, 3), saved().chaptersRead());
    }

    @Test
    void tabCompletesCommands() throws Exception {
        session(Lang.EN, "nex\t\r", "quit\r");
        assertEquals(2, saved().currentChapter());
    }

    @Test
    void tabCompletesChapterNumbersAfterGo() throws Exception {
        session(Lang.EN, "go 3\t\r", "quit\r");
        assertEquals(3, saved().currentChapter());
    }

    @Test
    void upArrowRecallsTheLastCommand() throws Exception {
        session(Lang.EN, "next\r", "\u001bOA\r", "quit\r");
        assertEquals(3, saved().currentChapter());
    }

    @Test
    void ctrlCAtThePromptDoesNotLeave() throws Exception {
        String screen = session(Lang.EN, CTRL_C, "next\r", "quit\r");
        assertTrue(screen.contains("Ctrl-C does not leave the course"), screen);
        assertEquals(2, saved().currentChapter());
    }

    @Test
    void ctrlDLeavesAndSaves() throws Exception {
        session(Lang.EN, "next\r", "\u0004");
        assertEquals(2, saved().currentChapter());
    }

    @Test
    void unknownCommandSuggestsTheClosestOne() throws Exception {
        String screen = session(Lang.EN, "nxet\r", "quit\r");
        assertTrue(screen.contains("Unknown command 'nxet'. Did you mean next?"), screen);
    }

    @Test
    void helpListsTheCommands() throws Exception {
        String screen = session(Lang.EN, "help\r", "quit\r");
        for (String command : List.of("next", "prev", "list", "go N", "quit")) {
            assertTrue(screen.contains("  " + command), command + " missing in " + screen);
        }
    }

    @Test
    void chineseShellShowsChineseChaptersAndMessages() throws Exception {
        String screen = session(Lang.ZH, "next\r", "nxet\r", "quit\r");
        assertTrue(screen.contains("欢迎来到 SocketLab"), screen);
        assertTrue(screen.contains("对话的正文。"), screen);
        assertTrue(screen.contains("未知命令“nxet”"), screen);
    }

    @Test
    void langSwitchesLanguageLive() throws Exception {
        String screen = session(Lang.EN, "lang zh\r", "next\r", "quit\r");
        assertTrue(screen.contains("打开门的正文。"), screen);
        assertTrue(screen.contains("第 2/3 章：对话。"), screen);
    }

    @Test
    void runStartsTheChaptersDemoAndStopReturnsToTheChapter() throws Exception {
        String screen = session(Lang.EN, "go 3\r", "run\r", "hello\r", "stop\r", "next\r", "quit\r");
        assertTrue(screen.contains("[client] reply: HELLO"), screen);
        assertTrue(screen.contains("accept 127.0.0.1:"), "the trace shows the server's accept: " + screen);
        assertTrue(screen.contains("This is the last chapter."), "the shell is back at the chapter after stop: " + screen);
        List<String> left = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).filter(name -> name.startsWith("socketlab-demo-")).toList();
        assertEquals(List.of(), left, "demo threads left behind after stop");
    }

    @Test
    void aDemoRunIsRecordedInTheProgressFile() throws Exception {
        assertFalse(saved().hasRun("phone"));
        session(Lang.EN, "go 3\r", "run\r", "stop\r", "quit\r");
        assertTrue(saved().hasRun("phone"), "progress.json's demosRun after run: phone");
    }

    @Test
    void runOnAChapterWithoutDemoSaysWhereDemosAre() throws Exception {
        String screen = session(Lang.EN, "run\r", "quit\r");
        assertTrue(screen.contains("This chapter has no live demo."), screen);
        // the chapters named are this course's own: only its chapter 3 lists a demo
        assertTrue(screen.contains("go to a chapter that has one: 3)"), screen);
    }

    @Test
    void lastChapterSaysSo() throws Exception {
        String screen = session(Lang.EN, "go 3\r", "next\r", "quit\r");
        assertTrue(screen.contains("This is the last chapter. Well done!"), screen);
    }

    @Test
    void longChapterOpensInThePagerAndQReturns() throws Exception {
        StringBuilder body = new StringBuilder("---\ntitle: Long\n---\n");
        for (int i = 1; i <= 400; i++) {
            body.append("\nParagraph ").append(i).append(".\n");
        }
        write("lessons/en/02-second.md", body.toString());
        String screen = session(Lang.EN, "next\rq", "quit\r");
        assertTrue(screen.contains("Paragraph 1."), screen);
        assertFalse(screen.contains("Paragraph 399."), "the pager shows one screen at a time");
        assertEquals(2, saved().currentChapter());
    }
}
