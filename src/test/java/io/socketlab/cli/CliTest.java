package io.socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, plain output, language. */
class CliTest {
    @TempDir
    static Path course;

    private final Map<String, String> env = new HashMap<>(Map.of("LANG", "en_US.UTF-8"));
    private boolean tty;
    private String out;
    private String err;

    @BeforeAll
    static void copyCourse() throws IOException {
        copy(Path.of("lessons"), course.resolve("lessons"));
        copy(Path.of("src"), course.resolve("src"));
        // lessons include the Python peers' regions
        copy(Path.of("python"), course.resolve("python"));
        if (Files.isDirectory(Path.of("exercises"))) {
            copy(Path.of("exercises"), course.resolve("exercises"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        TestFiles.copyTree(from, to);
    }

    private int run(String... args) {
        return run(true, args);
    }

    private int run(boolean quick, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Terminals terminals = new Terminals() {
            @Override
            public boolean stdoutIsTerminal() {
                return tty;
            }

            @Override
            public Terminal open() {
                throw new AssertionError("no terminal may be opened for plain output");
            }
        };
        env.put("SOCKETLAB_HOME", course.toString());
        int code = Main.run(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8), env, terminals, quick, args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    /**
     * The common read lines skip picocli (QuickStart); each must mean what picocli makes of it: same
     * output, same errors, same exit code. Lines QuickStart does not take are left to picocli.
     */
    @Test
    void quickStartReadsLikePicocli() {
        String[][] taken = {
            {"read", "3", "--plain"}, {"--plain", "read", "3"}, {"read", "3", "--plain", "--lang", "zh"},
            {"--lang", "zh-CN", "--plain", "read", "2", "--width", "60"}, {"--course", course.toString(), "read", "1", "--plain"},
            {"read", "99", "--plain"}, {"read", "--plain"}, {"--plain", "read", "0004"}, {"read", "--width", "40", "5"},
            {"check", "no-such-exercise"}, {"--lang", "zh", "check", "99", "--plain"}, {"--plain", "check", "--course", course.toString(), "x"},
        };
        for (String[] line : taken) {
            String shown = String.join(" ", line);
            assertTrue(QuickStart.command(new Main(System.out, System.err, env, null), line) != null, "QuickStart should take: " + shown);
            run(false, line); // a first read marks the chapter read; the two compared runs see the same progress
            int picocli = run(false, line);
            String picocliOut = out;
            String picocliErr = err;
            int quick = run(true, line);
            assertEquals(picocli, quick, "exit code of: " + shown);
            assertEquals(picocliOut, out, "output of: " + shown);
            assertEquals(picocliErr, err, "errors of: " + shown);
            assertFalse(out.isEmpty() && err.isEmpty(), "nothing printed for: " + shown);
        }
        String[][] left = {
            {"read", "3", "4"}, {"read", "-3"}, {"read", "--width=60", "3"}, {"--lang", "xx", "read", "3"},
            {"--plain", "--plain", "read", "3"}, {"read", "3", "--help"}, {"--width", "60", "read", "3"}, {"list"},
            {"--lang", "zh", "--lang", "en", "read", "1"}, {"read", "1234567890"}, {"--course"}, {"--version"},
            {"check", "1", "2"}, {"check", "--json", "1"}, {"check", "--sandbox", "on", "1"}, {"check", "-h"}, {"check", "--width", "60", "1"},
            {"check", "--", "1"}, {"warmup"}, {"warmup", "--commands"}, {"warmup", "--reading", "--reading"}, {"--reading"},
        };
        for (String[] line : left) {
            assertEquals(null, QuickStart.command(new Main(System.out, System.err, env, null), line),
                    "picocli should parse: " + String.join(" ", line));
        }
        // the launcher records the cache of read and the shell with this line: picocli's classes must stay out of it
        java.util.concurrent.Callable<Integer> warmup = QuickStart.command(new Main(System.out, System.err, env, null), new String[] {"warmup", "--reading"});
        assertTrue(warmup instanceof WarmupCommand w && w.reading, "QuickStart should take warmup --reading: " + warmup);
    }

    @Test
    void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.startsWith("Usage: socketlab"), out);
        for (String command : new String[] {"list", "read", "demo", "serve", "connect"}) {
            assertTrue(out.contains("  " + command + " "), command + " missing from: " + out);
        }
    }

    @Test
    void chineseHelpIsTranslated() {
        assertEquals(0, run("--lang", "zh", "read", "--help"));
        assertTrue(out.startsWith("用法： socketlab read"), out);
        assertTrue(out.contains("章节编号"), out);
        env.put("LANG", "zh_CN.UTF-8");
        assertEquals(0, run("--help"));
        assertTrue(out.contains("命令："), out);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"list", "read", "demo", "serve", "connect", "check", "hint", "solution", "reset", "watch"}) {
            assertEquals(0, run(command, "--help"), command);
            assertTrue(out.startsWith("Usage: socketlab " + command), out);
        }
    }

    @Test
    void subcommandHelpShowsItsUsage() {
        assertEquals(0, run("read", "--help"));
        assertTrue(out.startsWith("Usage: socketlab read"), out);
    }

    @Test
    void badArgumentIsAOneLineErrorWithExitCode2() {
        assertEquals(2, run("read", "three"));
        String[] lines = err.strip().split("\n");
        assertEquals("socketlab read: N must be a whole number, not 'three'", lines[0], err);
        assertEquals("Try 'socketlab read --help' for more information.", lines[1]);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorForServeAndConnect() {
        for (String command : new String[] {"serve", "connect"}) {
            assertEquals(2, run(command, "tcp-loop", "--port", "99999"), command);
            assertTrue(err.contains("--port must be a port number from 0 to 65535, not 99999."), command + ": " + err);
        }
    }

    @Test
    void unknownLanguageIsAUsageError() {
        assertEquals(2, run("--lang", "fr", "list"));
        assertTrue(err.contains("unknown language 'fr' (choose en or zh)"), err);
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(2, run("raed"));
        assertTrue(err.startsWith("socketlab: unknown command 'raed'\nDid you mean: socketlab read?\n"), err);
    }

    @Test
    void missingChapterIsAUsageErrorNamingTheRange() {
        assertEquals(2, run("read", "99"));
        assertTrue(err.startsWith("There is no chapter 99. Chapters go from 1 to "), err);
    }

    @Test
    void readPlainPrintsTextWithoutEscapeCodes() {
        assertEquals(0, run("read", "2", "--plain"));
        assertTrue(out.startsWith("Chapter 2\n"), out);
        assertFalse(out.contains("\u001b"), "escape code in plain output");
    }

    @Test
    void readRecordsTheChapterOnceAndAReadChapterIsNotWrittenAgain() throws IOException {
        Path progress = course.resolve(".socketlab/progress.json");
        assertEquals(0, run("read", "5", "--plain"));
        assertTrue(new io.socketlab.progress.ProgressStore(course, w -> { }).load().isRead(5), Files.readString(progress));
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(progress);
        Files.setLastModifiedTime(progress, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() - 60_000));
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(progress);
        assertEquals(0, run("read", "5", "--plain"));
        assertEquals(before, Files.getLastModifiedTime(progress), "reading a chapter read before rewrote progress.json");
    }

    @Test
    void outputThatIsNotATerminalIsPlain() {
        tty = false;
        assertEquals(0, run("read", "3"));
        assertFalse(out.contains("\u001b"));
        assertTrue(out.contains("+---"), "tables get ASCII borders");
    }

    @Test
    void aDumbTerminalGivesPlainTextEvenOnATerminal() {
        tty = true;
        env.put("TERM", "dumb");
        assertEquals(0, run("read", "1"));
        assertFalse(out.contains("\u001b"));
    }

    @Test
    void chineseLocaleGivesChineseChaptersAndMessages() {
        env.put("LANG", "zh_CN.UTF-8");
        assertEquals(0, run("read", "1", "--plain"));
        assertTrue(out.startsWith("第 1 章\n"), out);
        assertEquals(2, run("read", "99"));
        assertTrue(err.startsWith("没有第 99 章"), err);
    }

    @Test
    void langOptionBeatsTheLocale() {
        env.put("LANG", "zh_CN.UTF-8");
        assertEquals(0, run("--lang", "en", "read", "1", "--plain"));
        assertTrue(out.startsWith("Chapter 1\n"), out);
    }

    @Test
    void listShowsEveryChapterWithReadMarks() {
        run("read", "2", "--plain");
        assertEquals(0, run("list"));
        assertTrue(out.contains("[x]  2  "), out);
        assertTrue(out.contains("[ ]  8  "), out);
    }

    @Test
    void brokenCourseIsReportedWithFileAndLineAndExit1(@TempDir Path broken) throws IOException {
        writeCourseWithAnUnknownDemo(broken);
        assertEquals(1, run("--course", broken.toString(), "list"));
        assertTrue(err.contains("lessons/en/01-a.md:3: unknown demo 'fax'"), err);
        assertFalse(err.contains("Exception"), err);
    }

    @Test
    void brokenCourseIsReportedInTheUsersLanguage(@TempDir Path broken) throws IOException {
        writeCourseWithAnUnknownDemo(broken);
        assertEquals(1, run("validate", "--lang", "zh", "--course", broken.toString()));
        assertTrue(out.contains("lessons/en/01-a.md:3: 未知的演示“fax”（可用的演示："), out);
        assertTrue(out.strip().endsWith("发现 1 个问题。"), out);
        assertEquals(1, run("--lang", "zh", "--course", broken.toString(), "list"));
        assertTrue(err.contains("lessons/en/01-a.md:3: 未知的演示“fax”"), err);
    }

    @Test
    void theBuiltInCourseIsValid() {
        assertEquals(0, run("list"), err + out);
        assertEquals("", err);
    }

    @Test
    void helpCommandShowsAnotherCommandsUsage() {
        assertEquals(0, run("help", "check"));
        assertTrue(out.startsWith("Usage: socketlab check"), out);
        assertEquals(0, run("--lang", "zh", "help"));
        assertTrue(out.matches("(?s).*help +显示某个命令的帮助。.*"), out);
    }

    @Test
    void usageErrorsNameTheArgumentAndSpeakChinese() {
        // picocli would say "Unmatched argument at index 4", counting --lang and its value
        assertEquals(2, run("--lang", "en", "check", "1", "2"));
        assertTrue(err.startsWith("socketlab check: unexpected argument '2'\n"), err);
        assertEquals(2, run("--lang", "zh", "check", "1", "2"));
        assertTrue(err.startsWith("socketlab check: 多余的参数：“2”\n"), err);
        assertTrue(err.contains("运行 'socketlab check --help' 查看用法。"), err);
        assertEquals(2, run("--lang", "zh", "reed"));
        assertTrue(err.contains("没有这个命令：“reed”"), err);
        assertTrue(err.contains("你是不是想输入：socketlab read"), err);
        assertEquals(2, run("--lang", "zh", "read", "three"));
        assertTrue(err.startsWith("socketlab read: N 必须是整数，而不是“three”\n"), err);
        assertEquals(2, run("--lang", "zh", "grade", "subs"));
        assertTrue(err.contains("缺少 --exercise=E"), err);
    }

    @Test
    void aMisspeltCommandGetsSuggestionsAndExitsTwo() {
        assertEquals(2, run("reed", "3"));
        assertTrue(err.contains("Did you mean: socketlab read"), err);
        assertTrue(err.contains("Try 'socketlab --help'"), err);
    }

    @Test
    void theSubcommandIsFoundPastGlobalOptionsAndTheirValues() {
        assertEquals("read", Main.verb(new String[] {"--lang", "zh", "--plain", "read", "3"}));
        assertEquals("check", Main.verb(new String[] {"--course", "some/dir", "check"}));
        assertEquals("list", Main.verb(new String[] {"--lang=en", "list"}));
        assertEquals(null, Main.verb(new String[] {"--plain"}));
    }

    /** A one-chapter course whose English chapter names a demo that does not exist, on line 3. */
    private static void writeCourseWithAnUnknownDemo(Path broken) throws IOException {
        Files.createDirectories(broken.resolve("lessons/en"));
        Files.createDirectories(broken.resolve("lessons/zh"));
        Files.writeString(broken.resolve("lessons/en/01-a.md"), "---\ntitle: A\ndemos: [fax]\n---\n");
        Files.writeString(broken.resolve("lessons/zh/01-a.md"), "---\ntitle: A\n---\n");
    }
}
