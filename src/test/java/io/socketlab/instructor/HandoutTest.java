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
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handout of the real course holds lessons and starters and no solution or hidden test; a course
 * whose starter gives the answer away is refused.
 */
class HandoutTest {
    /** A student handout has no solutions or hidden tests to hide or grade with: nothing to check there. */
    @BeforeEach
    void needsTheInstructorCourse() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("").toAbsolutePath().resolve("exercises/06-send-all/hidden")));
    }

    private static final Path COURSE = Path.of("").toAbsolutePath();

    @Test
    void handoutHasLessonsAndStartersButNoSecrets(@TempDir Path out) throws Exception {
        int files = Handout.release(COURSE, out);
        assertTrue(files > 50, "files: " + files);
        assertTrue(Files.isRegularFile(out.resolve("pom.xml")));
        assertTrue(Files.isExecutable(out.resolve("socketlab")));
        assertTrue(Files.isRegularFile(out.resolve("lessons/en/01-what-is-a-socket.md")));
        assertTrue(Files.isRegularFile(out.resolve("README.zh.md")), "the Chinese README travels with the English one");
        assertTrue(Files.isRegularFile(out.resolve("lessons/zh/01-what-is-a-socket.md")));
        assertTrue(Files.isRegularFile(out.resolve("exercises/06-send-all/src/exercise/send_all/Transfers.java")));
        assertTrue(Files.isRegularFile(out.resolve("exercises/06-send-all/test/exercise/send_all/TransfersTest.java")));
        assertTrue(Files.isRegularFile(out.resolve("python/tcp_client.py")), "the wire tests of the handout need the Python peers");
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
