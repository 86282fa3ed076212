package io.socketlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.HintsFile;
import io.socketlab.course.Problem;
import io.socketlab.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertTrue(shown.contains("exercises/03-bad-line/README.md:6: hints do not belong in the statement's front matter, where reading it"
                + " shows them all: move them to hints.md, one '## N' section per hint"), shown.toString());
    }

    @Test
    void badHintsFilesAreReportedWithFileAndLine() {
        List<Problem> problems = new ArrayList<>();
        Path root = Path.of("src/test/resources/fixtures/bad").toAbsolutePath();
        ExerciseLoader.load(root, problems);
        List<String> shown = problems.stream().map(p -> p.format(root)).filter(p -> p.contains("04-bad-hints/hints")).toList();
        assertEquals(List.of(
                "exercises/04-bad-hints/hints.md:3: text outside a hint: each hint starts with a '## N' heading line (one '# ' title line may come first), found 'stray words'",
                "exercises/04-bad-hints/hints.md:9: hint headings are numbered in order: expected '## 2', found '## 3'",
                "exercises/04-bad-hints/hints.md:12: hint 3 has no text under its heading",
                "exercises/04-bad-hints/hints.md:12: 4 hints here but 2 in hints.zh.md: both languages need the same hints"), shown);
        assertEquals("exercises/04-bad-hints/hints.md:9: 提示的标题要按顺序编号：应该是“## 2”，实际是“## 3”",
                problems.stream().filter(p -> p.line() == 9).findFirst().orElseThrow().format(root, Lang.ZH));
    }

    @Test
    void aHintWrittenOverSeveralLinesIsOneParagraph(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("hints.md"), "# Hints\n\n## 1\nfirst hint,\nover two lines\n\n## 2\nthe second\n");
        Files.writeString(folder.resolve("hints.zh.md"), "## 1\n第一条，\n接着写\n## 2\n用 accept()\n返回，汉字\n接汉字\n");
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of("first hint, over two lines", "the second"), HintsFile.read(folder.resolve("hints.md"), problems).texts());
        assertEquals(List.of("第一条，接着写", "用 accept() 返回，汉字接汉字"), HintsFile.read(folder.resolve("hints.zh.md"), problems).texts());
        assertEquals(List.of(), problems);
        assertEquals(List.of(), HintsFile.read(folder.resolve("missing.md"), problems).texts());
    }

    @Test
    void theCourseStatementsShowNoHints() throws Exception {
        List<Problem> problems = new ArrayList<>();
        for (Exercise exercise : ExerciseLoader.load(Path.of(""), problems)) {
            for (Lang lang : Lang.values()) {
                String statement = Files.readString(exercise.dir().resolve(lang == Lang.EN ? "README.md" : "README.zh.md"));
                for (String hint : exercise.hints(lang)) {
                    assertFalse(statement.contains(hint), exercise.id() + " " + lang + " statement shows its hint: " + hint);
                }
            }
            assertEquals(exercise.hints(Lang.EN).size(), exercise.hints(Lang.ZH).size(), exercise.id());
            assertFalse(exercise.hints(Lang.EN).isEmpty(), exercise.id());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noExercisesFolderMeansNoExercises() {
        List<Problem> problems = new ArrayList<>();
        assertEquals(List.of(), ExerciseLoader.load(Path.of("src/test/resources/fixtures/missing"), problems));
        assertEquals(List.of(), problems);
    }
}
