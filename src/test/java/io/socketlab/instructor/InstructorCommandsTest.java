package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.TestFiles;
import io.socketlab.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The three instructor commands from the command line: exit codes, one-line errors, the Points line. */
@Execution(ExecutionMode.CONCURRENT) // each test runs the commands on folders of its own, mostly waiting on child JVMs
class InstructorCommandsTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void releaseRefusesANonEmptyFolderInOneLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x"), "x");
        assertEquals(2, run("release", "--lang", "en", "--course", COURSE.toString(), "--out", dir.toString()));
        assertEquals("release: " + dir + " is not empty; choose a new or empty folder.", errors().strip());
    }

    @Test
    void releaseToAFileSaysItIsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("handout.zip"), "x");
        assertEquals(2, run("release", "--lang", "en", "--course", COURSE.toString(), "--out", file.toString()));
        assertEquals("release: " + file + " is a file, not a folder; choose a new or empty folder.", errors().strip());
        err.reset();
        assertEquals(2, run("release", "--lang", "zh", "--course", COURSE.toString(), "--out", file.toString()));
        assertEquals("release：" + file + " 是文件，不是目录；请换一个新的或空的目录。", errors().strip());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void validateInAStudentHandoutSaysWhatItIsInOneLine(@TempDir Path dir) throws Exception {
        Path exercise = io.socketlab.TestFiles.copyFixture("01-passing", dir);
        io.socketlab.TestFiles.copyTree(exercise, dir.resolve("exercises/02-passing"));
        for (String id : List.of("01-passing", "02-passing")) {
            try (Stream<Path> walk = Files.walk(dir.resolve("exercises").resolve(id).resolve("solution"))) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        assertEquals(1, run("validate", "--lang", "en", "--course", dir.toString()));
        assertEquals("This is a student handout: none of its 2 exercises has a solution/ folder, and validate checks that every"
                + " reference solution passes. Run validate in the instructor's course; here, ./socketlab check N grades your own code.",
                errors().strip());
    }

    @Test
    void releaseOfAFolderThatIsNoCourseWritesNothing(@TempDir Path dir) throws Exception {
        Path handout = dir.resolve("handout");
        assertEquals(1, run("release", "--lang", "en", "--course", dir.resolve("nothing-here").toString(), "--out", handout.toString()));
        assertTrue(errors().contains("nothing-here: no such folder: give the folder of a SocketLab course with --course DIR"), errors());
        assertFalse(Files.exists(handout));

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(1, run("release", "--lang", "en", "--course", empty.toString(), "--out", handout.toString()));
        assertTrue(errors().contains("no lessons folder in " + empty.toAbsolutePath().normalize() + ": is this a SocketLab course?"), errors());
        assertFalse(Files.exists(handout));
    }

    @Test
    void releaseRefusesAStarterThatIsTheSolutionAndSaysHowToRestoreIt(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(COURSE.resolve("exercises/06-send-all/solution")));
        Path course = solvedCourse(dir);
        Path handout = dir.resolve("handout");
        assertEquals(1, run("release", "--lang", "en", "--course", course.toString(), "--out", handout.toString()));
        assertEquals(List.of("exercises" + File.separator + "06-send-all" + File.separator + "src: the starter is the reference solution: "
                + "every file of solution/ is in src/ unchanged, so the handout would give the answer away. "
                + "Restore the starter (git checkout -- exercises/06-send-all/src) and release again.",
                "release: 1 exercise(s) would hand out the answer; nothing was written."), errors().lines().toList());
        assertEquals("", printed());
        assertFalse(Files.exists(handout));
    }

    @Test
    void releaseSaysInChineseWhichStarterIsTheSolution(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(COURSE.resolve("exercises/06-send-all/solution")));
        Path course = solvedCourse(dir);
        assertEquals(1, run("release", "--lang", "zh", "--course", course.toString(), "--out", dir.resolve("handout").toString()));
        assertTrue(errors().contains("src: 起始代码就是参考答案"), errors());
        assertTrue(errors().contains("git checkout -- exercises/06-send-all/src"), errors());
        assertTrue(errors().strip().endsWith("release：有 1 道练习的学生包会泄露答案；没有写出任何文件。"), errors());
    }

    /** A course whose only exercise, 06-send-all, has the reference solution as its starter. */
    private static Path solvedCourse(Path dir) throws IOException {
        Path exercise = dir.resolve("course/exercises/06-send-all");
        Path from = COURSE.resolve("exercises/06-send-all");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(p);
                for (Path target : relative.startsWith("solution")
                        ? List.of(exercise.resolve(relative.toString()), exercise.resolve("src").resolve(relative.subpath(1, relative.getNameCount()).toString()))
                        : relative.startsWith("src") ? List.<Path>of() : List.of(exercise.resolve(relative.toString()))) {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        // a course needs its chapters too: release checks the course before anything else
        Files.createDirectories(dir.resolve("course/lessons/en"));
        Files.createDirectories(dir.resolve("course/lessons/zh"));
        Files.writeString(dir.resolve("course/lessons/en/01-sending.md"), "---\ntitle: Sending\nexercises: [06-send-all]\n---\n\nBody.\n");
        Files.writeString(dir.resolve("course/lessons/zh/01-sending.md"), "---\ntitle: 发送\nexercises: [06-send-all]\n---\n\n正文。\n");
        return dir.resolve("course");
    }

    @Test
    void gradeNamesTheNumberOptionThatIsWrong(@TempDir Path dir) throws Exception {
        String[] common = {"grade", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out", dir.resolve("o").toString()};
        assertEquals(2, run(concat(common, "--lang", "en", "--jobs", "0", dir.toString())));
        assertEquals("grade: --jobs must be a positive number of submissions graded at once.", errors().strip());
        err.reset();
        assertEquals(2, run(concat(common, "--lang", "zh", "--jobs", "0", dir.toString())));
        assertEquals("grade：--jobs 必须是正整数（同时评分的提交份数）。", errors().strip());
        err.reset();
        assertEquals(2, run(concat(common, "--lang", "en", "--timeout", "0", "--jobs", "2", dir.toString())));
        assertEquals("grade: --timeout must be a positive number of seconds.", errors().strip());
        err.reset();
        assertEquals(2, run(concat(common, "--lang", "zh", "--timeout", "-3", dir.toString())));
        assertEquals("grade：--timeout 必须是正整数秒。", errors().strip());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(rest)).toArray(String[]::new);
    }

    @Test
    void gradeRefusesAnOutFolderItCannotWriteBeforeGradingAnyone(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("subs/ann"));
        Path file = Files.writeString(dir.resolve("somefile"), "not a folder");
        Path out = file.resolve("x");
        assertEquals(2, run("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out", out.toString(),
                dir.resolve("subs").toString()));
        assertEquals("", printed(), "no student is graded");
        assertEquals("grade: cannot write results to " + out + ": " + file + " is a file, not a folder.", errors().strip());
        err.reset();
        assertEquals(2, run("grade", "--lang", "zh", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out", file.toString(),
                dir.resolve("subs").toString()));
        assertEquals("grade：无法把结果写到 " + file + "：" + file + " 是文件，不是目录。", errors().strip());
        assertEquals("", printed());
    }

    @Test
    void gradeLeavesAResultsFolderKeptAmongTheSubmissionsOut(@TempDir Path dir) throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs/ann")).getParent();
        Path results = Files.createDirectories(subs.resolve("results/feedback"));
        Files.writeString(subs.resolve("results/gradebook.csv"), "student,points,max,status,duration_ms,reason\n");
        assertEquals(0, run("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out",
                subs.resolve("results").toString(), subs.toString()));
        assertTrue(printed().startsWith("ann  Points 0/10  error  no src/"), printed());
        assertFalse(printed().contains("results  Points"), printed());
        assertTrue(printed().contains("Graded 1 submissions"), printed());
        assertEquals(2, Files.readString(results.resolveSibling("gradebook.csv")).lines().count());
    }

    @Test
    void gradeWritesEachStudentsFeedbackAsSoonAsItIsGraded(@TempDir Path dir) throws Exception {
        Path submissions = COURSE.resolve("src/test/resources/submissions");
        // the sample submissions copy the solution, so a student handout leaves them out
        Assumptions.assumeTrue(Files.isDirectory(submissions));
        Path subs = Files.createDirectories(dir.resolve("subs"));
        TestFiles.copyTree(submissions.resolve("correct"), subs.resolve("a-first"));
        TestFiles.copyTree(submissions.resolve("infinite-loop"), subs.resolve("b-hangs"));
        Path results = dir.resolve("results");
        FutureTask<Integer> grading = new FutureTask<>(() -> run("grade", "--lang", "en", "--course", COURSE.toString(),
                "--exercise", "06-send-all", "--jobs", "1", "--timeout", "10", "--out", results.toString(), subs.toString()));
        new Thread(grading, "grade-under-test").start();
        // one at a time, in name order: while b-hangs runs into its limit, a-first's feedback is there
        Path first = results.resolve("feedback/a-first.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(first) && !grading.isDone() && System.nanoTime() < deadline) {
            // a file's appearing signals nothing to wait on: look again every few milliseconds, without spinning
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        String rowsThen = printed();
        boolean gradebookWasThere = Files.exists(results.resolve("gradebook.csv"));
        assertEquals(0, grading.get(120, TimeUnit.SECONDS), printed() + errors());
        assertFalse(rowsThen.contains("b-hangs"), "a-first's feedback came only once every student was graded:\n" + rowsThen);
        assertFalse(gradebookWasThere, "the gradebook is written once the whole batch is graded");
        assertTrue(Files.readString(first).contains("\"status\" : \"pass\""), Files.readString(first));
        assertTrue(Files.exists(results.resolve("feedback/b-hangs.json")));
        assertEquals(3, Files.readString(results.resolve("gradebook.csv")).lines().count());
    }

    @Test
    void gradeSkipsTheFolderAMacArchiveLeavesBesideTheStudents(@TempDir Path dir) throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs/ann")).getParent();
        Files.createDirectories(subs.resolve("__MACOSX/ann"));
        Files.createDirectories(subs.resolve(".git"));
        assertEquals(0, run("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out",
                dir.resolve("results").toString(), subs.toString()));
        assertTrue(printed().startsWith("ann  Points 0/10  error  no src/"), printed());
        assertFalse(printed().contains("__MACOSX"), printed());
        assertTrue(printed().contains("Graded 1 submissions"), printed());
    }

    @Test
    void gradeRefusesAnOutFolderThatIsOrIsInsideAStudentFolder(@TempDir Path dir) throws Exception {
        Path subs = Files.createDirectories(dir.resolve("subs/ann/src")).getParent().getParent();
        String[] common = {"grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out"};
        assertEquals(2, run(concat(common, subs.toString(), subs.toString())));
        assertEquals("grade: --out " + subs + " is the SUBMISSIONS folder; its results would be graded as students on the next run. "
                + "Choose another folder.", errors().strip());
        err.reset();
        assertEquals(2, run(concat(common, subs.resolve("ann/results").toString(), subs.toString())));
        assertEquals("grade: --out " + subs.resolve("ann/results") + " is inside the student folder " + subs.resolve("ann")
                + "; put the results outside " + subs + " or directly in it.", errors().strip());
        err.reset();
        assertEquals(2, run(concat(common, subs.resolve("ann").toString(), subs.toString())));
        assertEquals("grade: --out " + subs.resolve("ann") + " holds a student's submission; choose another folder for the results.",
                errors().strip());
        assertEquals("", printed());
        assertFalse(Files.exists(subs.resolve("ann/results")));
    }

    @Test
    void gradeRefusesOneStudentsFolderGivenAsTheSubmissions(@TempDir Path dir) throws Exception {
        Path ann = Files.createDirectories(dir.resolve("subs/ann/src/exercise/send_all")).getParent().getParent().getParent();
        String[] common = {"grade", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out", dir.resolve("o").toString()};
        assertEquals(2, run(concat(common, "--lang", "en", ann.toString())));
        assertEquals("grade: " + ann + " is one student's submission (it has src/); give the folder that holds one folder per student, "
                + "such as " + ann.getParent() + ".", errors().strip());
        err.reset();
        Path handout = Files.createDirectories(dir.resolve("subs/bob/exercises/06-send-all/src")).getParent().getParent().getParent();
        assertEquals(2, run(concat(common, "--lang", "zh", handout.toString())));
        assertEquals("grade：" + handout + " 是一个学生的提交（里面有 exercises/06-send-all/src/）；请给出每个学生各占一个子目录的那个目录，例如 "
                + handout.getParent() + "。", errors().strip());
        assertEquals("", printed(), "no student is graded");
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void gradeUsageErrorsExitTwo(@TempDir Path dir) throws Exception {
        assertEquals(2, run("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "99-none", "--out",
                dir.resolve("o").toString(), dir.toString()));
        assertTrue(errors().startsWith("grade: no exercise '99-none' in the course (known: "), errors());
        assertEquals(2, run("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out",
                dir.resolve("o").toString(), dir.resolve("missing").toString()));
        assertEquals(2, run("grade", "--course", COURSE.toString(), "--out", dir.toString(), dir.toString()));
    }

    @Test
    void gradeSaysWhyABrokenExerciseIsNotThere(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("exercises/01-half/src"));
        Files.writeString(dir.resolve("exercises/01-half/README.md"), "---\ntitle: Half\npoints: 3\ntimeout: 5\n---\n");
        Files.createDirectories(dir.resolve("subs/ann"));
        assertEquals(2, run("grade", "--lang", "en", "--course", dir.toString(), "--exercise", "01-half", "--out",
                dir.resolve("o").toString(), dir.resolve("subs").toString()));
        assertTrue(errors().contains("missing folder 'test'"), errors());
        assertTrue(errors().contains("grade: no exercise '01-half'"), errors());
    }

    @Test
    void validateReportsProblemsAndExitsOne(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lessons/en"));
        Files.createDirectories(dir.resolve("lessons/zh"));
        Files.writeString(dir.resolve("lessons/en/01-intro.md"), "---\ntitle: Intro\n---\n# Intro\n");
        assertEquals(1, run("validate", "--lang", "en", "--course", dir.toString()));
        assertTrue(printed().lines().anyMatch(l -> l.startsWith("lessons" + java.io.File.separator)), printed());
        assertTrue(printed().strip().endsWith("problem(s) found."), printed());
    }

    @Test
    void gradePrintsPointsPerStudentAndExitsZeroEvenWhenStudentsFail(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(COURSE.resolve("exercises/06-send-all/hidden")));
        Path subs = Files.createDirectories(dir.resolve("subs"));
        Path alice = subs.resolve("alice/src/exercise/send_all");
        Files.createDirectories(alice);
        Files.copy(COURSE.resolve("src/test/resources/submissions/correct/src/exercise/send_all/Transfers.java"), alice.resolve("Transfers.java"));
        Files.createDirectories(subs.resolve("bob"));
        Path carol = subs.resolve("carol/src/exercise/send_all");
        Files.createDirectories(carol);
        Files.copy(COURSE.resolve("src/test/resources/submissions/fake-passed/src/exercise/send_all/Transfers.java"), carol.resolve("Transfers.java"));
        assertEquals(0, run("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "6", "--timeout", "10",
                "--out", dir.resolve("out").toString(), subs.toString()));
        assertTrue(printed().contains("alice  Points 10/10  pass"), printed());
        assertTrue(printed().contains("bob  Points 0/10  error  no src/"), printed());
        assertTrue(printed().contains("Graded 3 submissions"), printed());
        assertTrue(Files.isRegularFile(dir.resolve("out/results/alice/results.json")));
        // what a failed test printed reaches the student, next to that test, in both formats
        String gradescope = Files.readString(dir.resolve("out/results/carol/results.json"));
        assertTrue(gradescope.contains("\\n\\nIt printed:\\n[INFO] Tests run: 9"), gradescope);
        assertTrue(gradescope.contains("\"output\" : \"It printed:\\n[INFO]"), "a passed test's text starts with what it printed");
        String feedback = Files.readString(dir.resolve("out/feedback/carol.json"));
        assertTrue(feedback.contains("\"output\" : \"[INFO] Tests run: 9"), feedback);
    }

    @Test
    void gradeTakesACanvasZipWritesCanvasAndPrairieLearnResultsAndFailsUnderThePoints(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(COURSE.resolve("exercises/06-send-all/hidden")));
        Path fixtures = COURSE.resolve("src/test/resources/submissions");
        Path zip = dir.resolve("submissions.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            // as Canvas names them: name_USERID_SUBMISSIONID_file
            for (String[] entry : new String[][] {{"smithbob_340934_208490284_Transfers.java", "correct"},
                    {"wellslane_LATE_334244_394803489_Transfers.java", "wrong"}, {"leejoe_12_99_Transfers.java", "compile-error"}}) {
                z.putNextEntry(new java.util.zip.ZipEntry(entry[0]));
                z.write(Files.readAllBytes(fixtures.resolve(entry[1]).resolve("src/exercise/send_all/Transfers.java")));
                z.closeEntry();
            }
        }
        Path roster = dir.resolve("roster.csv");
        Files.writeString(roster, "\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,sendall and readExactly (777)\n"
                + "    Points Possible,,,,,10\n"
                + "\"Smith, Bob\",340934,S1,bsmith,A,\n"
                + "\"Wells, Lane\",334244,S2,lwells,A,\n"
                + "\"Absent, Ann\",55,S3,aabsent,B,7\n");
        Path canvas = dir.resolve("canvas.csv");
        Path results = dir.resolve("out");
        assertEquals(1, run("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out", results.toString(),
                "--format", "prairielearn", "--canvas", canvas.toString(), "--roster", roster.toString(), "--fail-under", "10", zip.toString()));
        assertTrue(printed().contains("smithbob_340934  Points 10/10  pass"), printed());
        assertTrue(printed().strip().endsWith("2 student(s) scored under 10 points (--fail-under)."), printed());
        assertTrue(errors().contains("leejoe_12 is not in the roster"), errors());

        List<List<String>> rows = CanvasGradebook.parse(Files.readString(canvas).substring(1));
        assertEquals(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "sendall and readExactly (777)"), rows.get(0));
        assertEquals(List.of("    Points Possible", "", "", "", "", "10"), rows.get(1));
        assertEquals(List.of("Smith, Bob", "340934", "S1", "bsmith", "A", "10"), rows.get(2));
        double lane = Double.parseDouble(rows.get(3).get(5));
        assertTrue(lane > 0 && lane < 10, () -> rows + "\n" + printed());
        assertEquals("", rows.get(4).get(5), "no submission: Canvas keeps the grade it has");

        Map<String, Object> correct = JSON.std.mapFrom(Files.readString(results.resolve("results/smithbob_340934/results.json")));
        assertEquals(true, correct.get("gradable"));
        assertEquals(1.0, ((Number) correct.get("score")).doubleValue());
        Map<String, Object> broken = JSON.std.mapFrom(Files.readString(results.resolve("results/leejoe_12/results.json")));
        assertEquals(false, broken.get("gradable"), "a compile error charges no attempt");
        assertEquals(0.0, ((Number) broken.get("score")).doubleValue());
        assertTrue(String.valueOf(broken.get("format_errors")).contains("src/Transfers.java:36: ';' expected"), broken::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tests = (List<Map<String, Object>>) correct.get("tests");
        assertTrue(tests.stream().allMatch(t -> t.keySet().containsAll(List.of("name", "points", "max_points", "message", "output"))), tests::toString);

        this.out.reset();
        err.reset();
        assertEquals(0, run("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all", "--out", dir.resolve("out2").toString(),
                "--fail-under", "0", zip.toString()), "nobody scores under 0");
    }

    @Test
    void gradeRefusesAZipEntryThatLeavesTheFolderAndGradesNobody(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("evil.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("alice/../../planted.txt"));
            z.write("x".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertEquals(2, run("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all",
                "--out", dir.resolve("out").toString(), zip.toString()));
        assertEquals("grade: " + zip + " is refused, nothing was graded: the entry alice/../../planted.txt would be written outside the folder it is unpacked into.",
                errors().strip());
        assertEquals("", printed());
        err.reset();
        assertEquals(2, run("grade", "--lang", "zh", "--course", COURSE.toString(), "--exercise", "06-send-all",
                "--out", dir.resolve("out").toString(), zip.toString()));
        assertTrue(errors().startsWith("grade：拒绝处理 "), errors());
    }

    @Test
    void gradeOptionsThatGoTogetherOrTakeAKnownValueSayWhatIsWrong(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("subs/alice/src"));
        for (String[] wrong : new String[][] {{"--fail-under", "-1"}, {"--format", "moodle"}, {"--canvas", dir.resolve("c.csv").toString()}}) {
            err.reset();
            List<String> args = new java.util.ArrayList<>(List.of("grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all",
                    "--out", dir.resolve("out").toString()));
            args.addAll(Arrays.asList(wrong));
            args.add(dir.resolve("subs").toString());
            assertEquals(2, run(args.toArray(String[]::new)), Arrays.toString(wrong));
            assertEquals(1, errors().strip().lines().count(), errors());
            assertTrue(errors().startsWith("grade: --"), errors());
        }
        assertFalse(Files.exists(dir.resolve("out")), "nothing is graded or written");
    }
}
