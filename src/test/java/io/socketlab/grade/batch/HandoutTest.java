package io.socketlab.grade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handout of the real course holds lessons and starters and no solution or hidden test. */
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
        Handout.release(COURSE, out);
        Path planted = out.resolve("docs/notes.java");
        Files.copy(COURSE.resolve("exercises/06-send-all/solution/exercise/send_all/Transfers.java"), planted);
        assertEquals(List.of(planted), Handout.leaks(COURSE, out));
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
