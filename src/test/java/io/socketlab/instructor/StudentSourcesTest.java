package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folder of a submission holds the student's sources, in each layout of docs/instructors.md. */
class StudentSourcesTest {
    private static Exercise sendAll() {
        List<Problem> problems = new ArrayList<>();
        Exercise exercise = ExerciseLoader.loadOne(Path.of("exercises/06-send-all").toAbsolutePath(), problems);
        assertEquals(List.of(), problems);
        return exercise;
    }

    @Test
    void aCopyOfTheExerciseFolderIsGradedFromItsSrc(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("ann/src"));
        assertEquals(src, BatchGrader.studentSources(sendAll(), dir.resolve("ann")));
    }

    @Test
    void aWholeHandoutIsGradedFromTheExerciseNotFromSocketLabsOwnSrc(@TempDir Path dir) throws Exception {
        // a handout holds SocketLab's own sources in src/ beside exercises/
        Files.createDirectories(dir.resolve("bob/src/main/java/io/socketlab"));
        Path exercise = Files.createDirectories(dir.resolve("bob/exercises/06-send-all/src"));
        assertEquals(exercise, BatchGrader.studentSources(sendAll(), dir.resolve("bob")));
    }

    @Test
    void aFolderWithNeitherHasNoSources(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("carol/exercises/01-phone-server/src"));
        assertNull(BatchGrader.studentSources(sendAll(), dir.resolve("carol")));
    }

    @Test
    void aSrcWithoutJavaFilesIsSaidPlainlyInsteadOfBlamingTheTests(@TempDir Path dir) throws Exception {
        // compiled classes and an archive, but no source
        Path src = Files.createDirectories(dir.resolve("dan/src/exercise/send_all"));
        Files.writeString(src.resolve("Transfers.class"), "not a source");
        Files.writeString(src.getParent().getParent().resolve("Transfers.zip"), "not a source");
        StudentGrade grade = new BatchGrader(io.socketlab.i18n.Lang.EN, 1).gradeOne(sendAll(), dir.resolve("dan"));
        assertEquals("error", grade.status());
        assertEquals("no .java files in src/ (only .java files are graded)", grade.result().message());
        StudentGrade zh = new BatchGrader(io.socketlab.i18n.Lang.ZH, 1).gradeOne(sendAll(), dir.resolve("dan"));
        assertEquals("src/ 里没有 .java 文件（只评测 .java 文件）", zh.result().message());
    }
}
