package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The handout of the real course holds lessons and starters and no solution or hidden test; a course
 * whose starter gives the answer away is refused.
 */
@Execution(ExecutionMode.CONCURRENT) // each test releases into a folder of its own
class HandoutTest {
    /** A student handout has no solutions or hidden tests to hide or grade with: nothing to check there. */
    @BeforeEach
    void needsTheInstructorCourse() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("").toAbsolutePath().resolve("exercises/06-send-all/hidden")));
    }

    private static final Path COURSE = Path.of("").toAbsolutePath();

    @Test
    void handoutHasLessonsAndStartersButNoSecrets(@TempDir Path out) throws Exception {
        Handout.Released released = Handout.release(COURSE, out);
        int files = released.files();
        assertTrue(files > 50, "files: " + files);
        assertFalse(Files.exists(out.resolve("src/test/resources/mistakes")), "learners' mistakes are solutions with one thing wrong");
        // the grader's tests that paste a solution stay home, whichever they are; the rest of the suite ships
        for (Path left : released.leftOut()) {
            assertFalse(Files.exists(out.resolve(left.toString())), left::toString);
        }
        assertTrue(Files.isRegularFile(out.resolve("src/test/java/io/socketlab/snippets/SnippetsTest.java")));
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".release-")), "the staging folder is gone");
        }
        assertTrue(Files.isRegularFile(out.resolve("pom.xml")));
        assertTrue(Files.isExecutable(out.resolve("socketlab")));
        assertTrue(Files.isRegularFile(out.resolve("lessons/en/01-what-is-a-socket.md")));
        assertTrue(Files.isRegularFile(out.resolve("README.zh.md")), "the Chinese README travels with the English one");
        assertTrue(Files.isRegularFile(out.resolve("lessons/zh/01-what-is-a-socket.md")));
        assertTrue(Files.isRegularFile(out.resolve("exercises/06-send-all/src/exercise/send_all/Transfers.java")));
        assertTrue(Files.isRegularFile(out.resolve("exercises/06-send-all/test/exercise/send_all/TransfersTest.java")));
        assertTrue(Files.isRegularFile(out.resolve("python/tcp_client.py")), "the wire tests of the handout need the Python peers");
        assertTrue(Files.isRegularFile(out.resolve("exercises/06-send-all/hints.md")), "hint shows the hints one at a time in the handout too");
        assertTrue(Files.isRegularFile(out.resolve("exercises/06-send-all/hints.zh.md")));
        assertTrue(Files.isDirectory(COURSE.resolve("src/test/resources/mistakes/06-send-all")));
        assertFalse(Files.exists(out.resolve("src/test/resources/mistakes")), "wrong solutions one slip from an answer stay with the instructor");
        assertTrue(Files.isRegularFile(out.resolve("exercises/07-framing/src/exercise/framing/FrameException.java")),
                "a helper the starter shares with the solution is given to learners");
        try (Stream<Path> walk = Files.walk(out)) {
            List<Path> secret = walk.filter(p -> {
                Path rel = out.relativize(p);
                return rel.getNameCount() >= 3 && rel.getName(0).toString().equals("exercises")
                        && (rel.getName(2).toString().equals("solution") || rel.getName(2).toString().equals("hidden"));
            }).toList();
            assertEquals(List.of(), secret);
        }
        assertFalse(Files.exists(out.resolve("target")));
        assertFalse(Files.exists(out.resolve(".git")));
        assertEquals(List.of(), Handout.leaks(COURSE, out));
    }

    @Test
    void aSolutionCopiedUnderAnotherNameIsFound(@TempDir Path out) throws Exception {
        Path planted = Files.createDirectories(out.resolve("docs")).resolve("notes.java");
        Files.copy(COURSE.resolve("exercises/06-send-all/solution/exercise/send_all/Transfers.java"), planted);
        Files.writeString(out.resolve("docs/other.md"), "# nothing secret");
        assertEquals(List.of(planted), Handout.leaks(COURSE, out));
    }

    @Test
    void aTestThatPastesASolutionWithOneLineChangedIsFoundMethodByMethod(@TempDir Path out) throws Exception {
        String solution = Files.readString(COURSE.resolve("exercises/06-send-all/solution/exercise/send_all/Transfers.java"));
        // one method wrong, re-indented inside a text block, as a test of a learner's mistake would hold it
        String wrong = solution.replaceFirst("while \\(data.hasRemaining\\(\\)\\)", "if (data.hasRemaining())");
        assertTrue(!wrong.equals(solution), "the solution still loops on hasRemaining()");
        Path planted = Files.createDirectories(out.resolve("src/test/java/x")).resolve("MistakeTest.java");
        Files.writeString(planted, "class MistakeTest {\n    String subject = \"\"\"\n" + wrong.indent(8) + "        \"\"\";\n}\n");
        assertEquals(List.of(planted), Handout.leaks(COURSE, out));
    }

    @Test
    void aRefusedReleaseLeavesNothingBehindNotEvenItsParentFolders(@TempDir Path dir) throws Exception {
        Path course = courseWith(dir, "06-send-all");
        // a lesson that pastes the solution's readExactly: found after the copy, so the copy must vanish
        Path lesson = Files.createDirectories(course.resolve("lessons/en")).resolve("01-notes.md");
        Files.writeString(lesson, "# Notes\n\n```java\n" + Files.readString(course.resolve("exercises/06-send-all/solution/exercise/send_all/Transfers.java")) + "```\n");
        Path out = dir.resolve("new/parent/handout");
        Handout.LeakException e = assertThrows(Handout.LeakException.class, () -> Handout.release(course, out));
        assertEquals(out.resolve("lessons/en/01-notes.md").toString(), e.getMessage());
        assertFalse(Files.exists(dir.resolve("new")), "no folder of the refused release is left");
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of(course), list.toList());
        }
    }

    @Test
    void theClassroomWorkflowGradesEveryExerciseWithTheInstructorsCourseForItsPoints(@TempDir Path out) throws Exception {
        List<io.socketlab.course.Exercise> exercises = io.socketlab.course.ExerciseLoader.load(COURSE, new java.util.ArrayList<>());
        Map<String, Object> workflow = new org.yaml.snakeyaml.Yaml().load(ClassroomWorkflow.of(exercises));
        // quoted, so that a YAML 1.1 reader does not take it for true; the triggers of the workflows GitHub Classroom writes
        assertEquals(List.of("push", "workflow_dispatch", "repository_dispatch"), workflow.get("on"));
        Map<String, Object> job = map(map(workflow.get("jobs")).get("run-autograding-tests"));
        List<Map<String, Object>> steps = list(job.get("steps"));
        Map<String, Object> reporter = steps.get(steps.size() - 1);
        assertEquals("classroom-resources/autograding-grading-reporter@v1", reporter.get("uses"));
        List<String> runners = List.of(String.valueOf(map(reporter.get("with")).get("runners")).split(","));
        assertEquals(exercises.size(), runners.size());
        for (io.socketlab.course.Exercise exercise : exercises) {
            Map<String, Object> step = steps.stream().filter(st -> exercise.id().equals(st.get("name"))).findFirst().orElseThrow();
            assertEquals("classroom-resources/autograding-command-grader@v1", step.get("uses"));
            Map<String, Object> with = map(step.get("with"));
            assertEquals(exercise.id(), with.get("test-name"));
            assertEquals(exercise.points(), with.get("max-score"));
            String command = String.valueOf(with.get("command"));
            // the instructor's course grades, with the student's code only, and passes at full points only
            assertTrue(command.startsWith("course/socketlab --course course grade --exercise " + exercise.id() + " "), command);
            assertTrue(command.contains(" --fail-under " + exercise.points() + " ") && command.endsWith(" students"), command);
            assertTrue(runners.contains(step.get("id")), runners::toString);
            assertEquals("${{steps." + step.get("id") + ".outputs.result}}",
                    map(reporter.get("env")).get(String.valueOf(step.get("id")).toUpperCase(java.util.Locale.ROOT) + "_RESULTS"));
        }
        String checkout = steps.stream().filter(st -> "Check out the instructor's course".equals(st.get("name")))
                .map(st -> String.valueOf(map(st.get("with")).get("repository"))).findFirst().orElseThrow();
        assertEquals("${{ vars.SOCKETLAB_COURSE_REPOSITORY }}", checkout);
        assertTrue(String.valueOf(steps.get(0).get("run")).contains("exit 1"), "without the variable the job stops: checkout would take this repository");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void aStarterThatIsTheReferenceSolutionIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path course = courseWith(dir, "06-send-all");
        copyTree(course.resolve("exercises/06-send-all/solution"), course.resolve("exercises/06-send-all/src"));
        Path out = dir.resolve("handout");
        Handout.SolvedStarterException e = assertThrows(Handout.SolvedStarterException.class, () -> Handout.release(course, out));
        assertEquals(1, e.problems().size(), e.problems()::toString);
        assertEquals(course.resolve("exercises/06-send-all/src"), e.problems().get(0).file());
        assertEquals("release.starter-is-solution", e.problems().get(0).key());
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void aStarterThatPassesTheVisibleTestsIsRefusedWhateverItsText(@TempDir Path dir) throws Exception {
        Path course = courseWith(dir, "06-send-all");
        Path starter = course.resolve("exercises/06-send-all/src/exercise/send_all/Transfers.java");
        Files.writeString(starter, Files.readString(course.resolve("exercises/06-send-all/solution/exercise/send_all/Transfers.java"))
                + "// solved in my own checkout\n");
        Path out = Files.createDirectories(dir.resolve("handout"));
        Handout.SolvedStarterException e = assertThrows(Handout.SolvedStarterException.class, () -> Handout.release(course, out));
        assertEquals(List.of("release.starter-passes"), e.problems().stream().map(p -> p.key()).toList());
        assertEquals(course.resolve("exercises/06-send-all/src"), e.problems().get(0).file());
        try (Stream<Path> list = Files.list(out)) {
            assertEquals(0, list.count(), "nothing is written");
        }
    }

    /** A course folder holding only the real course's exercise {@code id}. */
    private static Path courseWith(Path dir, String id) throws IOException {
        Path course = dir.resolve("course");
        copyTree(COURSE.resolve("exercises").resolve(id), course.resolve("exercises").resolve(id));
        return course;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        TestFiles.copyTree(from, to);
    }

    @Test
    void theInstructorsGuideListsEverythingTheHandoutCopies() throws Exception {
        String guide = Files.readString(COURSE.resolve("docs/instructors.md")).replace('\n', ' ');
        String copied = guide.substring(guide.indexOf("Copied:"), guide.indexOf("Left out:"));
        for (String name : Handout.TOP_LEVEL) {
            assertTrue(copied.contains("`" + name + "`") || copied.contains("`" + name + "/`"), name + " is missing from: " + copied);
        }
    }

    @Test
    void aNonEmptyFolderIsRefused(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertThrows(Handout.NotEmptyException.class, () -> Handout.release(COURSE, out));
        try (Stream<Path> list = Files.list(out)) {
            assertEquals(1, list.count());
        }
    }
}
