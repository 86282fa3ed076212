package io.socketlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExerciseLoaderTest {
    @Test
    void readsFrontMatterInBothLanguages() {
        List<Problem> problems = new ArrayList<>();
        List<Exercise> all = ExerciseLoader.load(Path.of("src/test/resources/fixtures/course"), problems);
        assertEquals(List.of(), problems);
        Exercise first = all.get(0);
        assertEquals("01-passing", first.id());
        assertEquals(1, first.number());
        assertEquals(4, first.points());
        assertEquals(10, first.timeoutSeconds());
        assertEquals("练习 01-passing", first.title(Lang.ZH));
        assertEquals(List.of("first hint", "second hint"), first.hints(Lang.EN));
        assertEquals(List.of("第一条", "第二条"), first.hints(Lang.ZH));
        assertEquals("exercise.passing", first.javaPackage());
    }

    @Test
    void badFrontMatterIsReportedWithFileAndLine() {
        List<Problem> problems = new ArrayList<>();
        Path root = Path.of("src/test/resources/fixtures/bad").toAbsolutePath();
        List<Exercise> all = ExerciseLoader.load(root, problems);
        assertEquals(List.of(), all);
        List<String> shown = problems.stream().map(p -> p.format(root)).toList();
        assertTrue(shown.contains("exercises/01-bad-points/README.md:3: 'points' must be a whole number above 0, found 'many'"), shown.toString());
        assertTrue(shown.contains("exercises/02-no-close/README.md:1: front matter is not closed: add a '---' line after its last key"), shown.toString());
        assertTrue(shown.contains("exercises/03-bad-line/README.md:5: expected 'key: value' in front matter, found 'stray'"), shown.toString());
        assertTrue(shown.contains("exercises/03-bad-line/README.md:6: 'hints' must be a list ('- text' lines or [a, b])"), shown.toString());
    }

    @Test
    void noExercisesFolderMeansNoExercises() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of(), ExerciseLoader.load(Path.of("src/test/resources/fixtures/missing"), problems));
        assertEquals(List.of(), problems);
    }
}
