package io.socketlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseLoaderTest {
    @TempDir
    Path root;

    private final CourseLoader loader = new CourseLoader(Set.of("phone"));

    @BeforeEach
    void goodCourse() throws IOException {
        write("src/Demo.java", "class Demo {\n    // region call\n    void call() {}\n    // endregion\n}\n");
        for (String lang : List.of("en", "zh")) {
            write("lessons/" + lang + "/01-intro.md", "---\ntitle: Intro " + lang + "\ndemos: [phone]\n---\n\nHello.\n\n```java include=src/Demo.java#call\n```\n");
            write("lessons/" + lang + "/02-more.md", "---\ntitle: More\n---\nText.\n");
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String problemsOf() {
        CourseException e = assertThrows(CourseException.class, () -> loader.load(root));
        return e.describe(root);
    }

    @Test
    void loadsChaptersInOrderWithFrontMatter() throws Exception {
        Course course = loader.load(root);
        assertEquals(2, course.lessons(Lang.ZH).size());
        Lesson intro = course.lesson(Lang.EN, 1).orElseThrow();
        assertEquals("Intro en", intro.title());
        assertEquals(List.of("phone"), intro.demos());
        assertEquals(5, intro.bodyStartLine());
    }

    @Test
    void oneChapterLoadsAloneWithoutReadingTheOthers() throws IOException {
        // a broken chapter 2 does not stop chapter 1 from being shown by itself
        write("lessons/en/02-more.md", "Just text\n");
        Lesson intro = loader.loadChapter(root, Lang.EN, 1).orElseThrow();
        assertEquals("Intro en", intro.title());
        assertEquals(loader.loadChapter(root, Lang.ZH, 1).orElseThrow().title(), "Intro zh");
    }

    @Test
    void aChapterWithAProblemOrNoFileIsNotLoadedAlone() throws IOException {
        write("lessons/en/02-more.md", "Just text\n");
        assertTrue(loader.loadChapter(root, Lang.EN, 2).isEmpty(), "the whole load reports its problem");
        assertTrue(loader.loadChapter(root, Lang.EN, 7).isEmpty());
        write("src/Demo.java", "class Demo {}\n");
        assertTrue(loader.loadChapter(root, Lang.EN, 1).isEmpty(), "an include that no longer resolves");
    }

    @Test
    void missingFrontMatterNamesFileAndLine() throws IOException {
        write("lessons/en/02-more.md", "Just text\n");
        assertEquals("lessons/en/02-more.md:1: missing front matter: the file must start with a '---' line, then 'title: ...', then '---'", problemsOf());
    }

    @Test
    void unclosedFrontMatterIsReported() throws IOException {
        write("lessons/zh/02-more.md", "---\ntitle: More\nText.\n");
        assertTrue(problemsOf().startsWith("lessons/zh/02-more.md:1: front matter is not closed"));
    }

    @Test
    void badFrontMatterLineIsReportedOnItsLine() throws IOException {
        write("lessons/en/02-more.md", "---\ntitle: More\nthis is not a key\n---\n");
        assertEquals("lessons/en/02-more.md:3: expected 'key: value' in front matter, found 'this is not a key'", problemsOf());
    }

    @Test
    void missingTitleIsReported() throws IOException {
        write("lessons/en/02-more.md", "---\ndemos: []\n---\n");
        assertEquals("lessons/en/02-more.md:1: front matter needs a 'title: ...' line with the chapter title", problemsOf());
    }

    @Test
    void unknownKeyIsReportedOnItsLine() throws IOException {
        write("lessons/en/02-more.md", "---\ntitle: More\ntitel: typo\n---\n");
        assertTrue(problemsOf().startsWith("lessons/en/02-more.md:3: unknown front matter key 'titel'"));
    }

    @Test
    void duplicateNumbersAreReported() throws IOException {
        write("lessons/en/02-other.md", "---\ntitle: Other\n---\n");
        assertTrue(problemsOf().contains("lessons/en/02-other.md:1: chapter number 02 is used twice (also by 02-more.md)"));
    }

    @Test
    void chapterMissingInOneLanguageIsReported() throws IOException {
        Files.delete(root.resolve("lessons/zh/02-more.md"));
        assertEquals("lessons/en/02-more.md:1: no 'zh' edition of this chapter (expected lessons/zh/02-more.md)", problemsOf());
    }

    @Test
    void unknownDemoIsReportedOnTheDemosLine() throws IOException {
        write("lessons/en/02-more.md", "---\ntitle: More\ndemos: [fax]\n---\n");
        assertEquals("lessons/en/02-more.md:3: unknown demo 'fax' (known demos: phone)", problemsOf());
    }

    @Test
    void unknownExerciseIsReported() throws IOException {
        write("lessons/en/02-more.md", "---\ntitle: More\nexercises: [99-nothing]\n---\n");
        assertEquals("lessons/en/02-more.md:3: unknown exercise '99-nothing' (no folder exercises/99-nothing)", problemsOf());
    }

    @Test
    void missingIncludeFileIsReportedOnTheFenceLine() throws IOException {
        write("lessons/en/02-more.md", "---\ntitle: More\n---\n\nSee:\n\n```java include=src/Nope.java#call\n```\n");
        assertEquals("lessons/en/02-more.md:7: included file 'src/Nope.java' does not exist", problemsOf());
    }

    @Test
    void missingRegionIsReportedOnTheFenceLine() throws IOException {
        write("lessons/zh/01-intro.md", "---\ntitle: 介绍\n---\n```java include=src/Demo.java#hangup\n```\n");
        assertTrue(problemsOf().startsWith("lessons/zh/01-intro.md:4: region 'hangup' not found in 'src/Demo.java'"));
    }

    @Test
    void includeBlockWithCodeIsReported() throws IOException {
        write("lessons/en/02-more.md", "---\ntitle: More\n---\n```java include=src/Demo.java#call\nint x;\n```\n");
        assertEquals("lessons/en/02-more.md:5: a block with include= must be empty: its code comes from the included file", problemsOf());
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() throws IOException {
        write("lessons/en/02-more.md", "no front matter\n");
        write("lessons/zh/01-intro.md", "---\ntitle: x\ndemos: [fax]\n---\n");
        String problems = problemsOf();
        assertTrue(problems.contains("lessons/en/02-more.md:1:"), problems);
        assertTrue(problems.contains("lessons/zh/01-intro.md:3:"), problems);
    }

    @Test
    void problemsAreShownInChineseWithFileAndLine() throws IOException {
        write("lessons/en/02-more.md", "Just text\n");
        write("lessons/zh/01-intro.md", "---\ntitle: 介绍\ndemos: [fax]\n---\n\n```java include=src/Nope.java\n```\n");
        CourseException e = assertThrows(CourseException.class, () -> loader.load(root));
        assertEquals("lessons/en/02-more.md:1: 缺少 front matter：文件必须以一行“---”开头，接着是“title: ...”，再以一行“---”结束\n"
                + "lessons/zh/01-intro.md:3: 未知的演示“fax”（可用的演示：phone）\n"
                + "lessons/zh/01-intro.md:6: 被引入的文件“src/Nope.java”不存在", e.describe(root, Lang.ZH));
        assertTrue(e.describe(root).startsWith("lessons/en/02-more.md:1: missing front matter:"), e.describe(root));
    }

    @Test
    void everyProblemKeyInTheCodeHasAMessage() throws IOException {
        Pattern key = Pattern.compile("new (?:Problem\\([^;]*?|IncludeException\\()\"([a-z]+\\.[a-z0-9.-]+)\"");
        Messages en = Messages.of("course", Lang.EN);
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    assertTrue(en.has(m.group(1)), file + " uses unknown message key " + m.group(1));
                }
            }
        }
        assertTrue(found >= 35, "problem keys found: " + found);
    }

    @Test
    void badFileNameIsReported() throws IOException {
        write("lessons/en/intro.md", "---\ntitle: x\n---\n");
        assertTrue(problemsOf().startsWith("lessons/en/intro.md:1: lesson file names look like 'NN-slug.md'"));
    }

    @Test
    void includeResolvesRegionWithoutMarkersAndIndentation() throws Exception {
        assertEquals("void call() {}\n", new Includes(root).resolve("src/Demo.java#call"));
    }
}
