package io.socketlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Chinese edition's own rules, over everything a learner reads in Chinese: the
 * lessons, the statements and hints of every exercise, the messages of every bundle and the
 * Chinese failure messages of those exercises' tests. One term each (服务端, 报头, 数据报), curly
 * quotes around Chinese words, and no space after full-width punctuation or around curly quotes.
 */
class ChineseEditionTest {
    /** The chapters and exercises the rules cover: all of them. */
    private static final Pattern REVIEWED_LESSON = Pattern.compile("\\d{2}-.*\\.md");
    private static final Pattern REVIEWED_EXERCISE = Pattern.compile("\\d{2}-.*");
    /** The term we do not use, and the one we do. */
    private static final List<String[]> ONE_TERM_EACH = List.of(
            new String[] {"服务器", "服务端"},
            new String[] {"头部", "报头"},
            new String[] {"报文", "数据报"});
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```.*?^\\s*```\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\n]*`");
    private static final Pattern STRAIGHT_QUOTED_CHINESE = Pattern.compile("\"[^\"\n]*\\p{IsHan}[^\"\n]*\"");
    private static final Pattern SPACE_AFTER_FULL_WIDTH = Pattern.compile("[，。、；：！？）」』”](\\*\\*)? +[^\\s|]");
    private static final Pattern SPACE_AROUND_CURLY_QUOTES = Pattern.compile("[^\\s|#] +“|” +[^\\s|]");

    private record Place(String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + text.strip();
        }
    }

    private static List<Path> files(Path folder, Pattern name) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> name.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Markdown a Chinese learner of the reviewed chapters reads. */
    private static List<Path> chineseMarkdown() {
        List<Path> found = new ArrayList<>(files(Path.of("lessons", "zh"), REVIEWED_LESSON));
        for (Path exercise : files(Path.of("exercises"), REVIEWED_EXERCISE)) {
            found.add(exercise.resolve("README.zh.md"));
            found.add(exercise.resolve("hints.zh.md"));
        }
        return found;
    }

    private static List<Path> chineseBundles() {
        return files(Path.of("src/main/resources/io/socketlab/i18n"), Pattern.compile(".*_zh\\.properties"));
    }

    /** The exercises' tests, whose say(english, chinese) messages a Chinese learner reads at check. */
    private static List<Path> exerciseTests() {
        List<Path> found = new ArrayList<>();
        for (Path exercise : files(Path.of("exercises"), REVIEWED_EXERCISE)) {
            for (String part : List.of("test", "hidden")) {
                try (Stream<Path> walk = Files.walk(exercise.resolve(part))) {
                    walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(found::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prose of a Markdown file, line by line: code blocks blanked (lines kept), each code span one Latin letter. */
    private static List<String> prose(String markdown) {
        Matcher fence = FENCE.matcher(markdown);
        StringBuilder blanked = new StringBuilder();
        while (fence.find()) {
            fence.appendReplacement(blanked, Matcher.quoteReplacement(fence.group().replaceAll("[^\n]", "")));
        }
        fence.appendTail(blanked);
        String text = blanked.toString();
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---\n", 4);
            text = text.substring(0, end + 5).replaceAll("[^\n]", "") + text.substring(end + 5);
        }
        return text.lines().map(line -> CODE_SPAN.matcher(line).replaceAll("C")).toList();
    }

    private static List<Place> find(List<Path> files, java.util.function.Function<String, List<String>> lines,
                                    Pattern pattern) {
        List<Place> found = new ArrayList<>();
        for (Path file : files) {
            List<String> text = lines.apply(read(file));
            for (int i = 0; i < text.size(); i++) {
                if (pattern.matcher(text.get(i)).find()) {
                    found.add(new Place(file.toString(), i + 1, text.get(i)));
                }
            }
        }
        return found;
    }

    private static List<String> allLines(String text) {
        return text.lines().toList();
    }

    @Test
    void bothReadmesListEveryBenchWithTheSameCommandAndGoal() throws IOException {
        List<String> scripts;
        try (Stream<Path> bench = Files.list(Path.of("bench"))) {
            scripts = bench.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sh") || n.endsWith(".py")).sorted().toList();
        }
        assertFalse(scripts.isEmpty());
        List<String> english = benchRows(Path.of("README.md"));
        List<String> chinese = benchRows(Path.of("README.zh.md"));
        for (String script : scripts) {
            assertTrue(english.stream().anyMatch(r -> r.contains("bench/" + script)), "README.md lists bench/" + script);
        }
        assertEquals(english.stream().map(ChineseEditionTest::command).toList(), chinese.stream().map(ChineseEditionTest::command).toList(),
                "README.zh.md lists the benches of README.md, with the same commands, in the same order");
        for (int i = 0; i < english.size(); i++) {
            assertEquals(figures(goal(english.get(i))), figures(goal(chinese.get(i))), "the same goal for " + command(english.get(i)));
        }
    }

    /** The rows of the README's bench table: those whose first cell runs a script in bench/. */
    private static List<String> benchRows(Path readme) throws IOException {
        return Files.readAllLines(readme, StandardCharsets.UTF_8).stream().filter(l -> l.matches("\\| `(python3 )?bench/.*")).toList();
    }

    private static String command(String row) {
        return row.split("\\|")[1].strip();
    }

    private static String goal(String row) {
        String[] cells = row.split("\\|");
        return cells[cells.length - 1];
    }

    private static List<String> figures(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\d+(\\.\\d+)?").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void theReviewedPartsAreThere() {
        List<Path> english = files(Path.of("lessons", "en"), REVIEWED_LESSON);
        assertFalse(english.isEmpty());
        assertEquals(english.stream().map(Path::getFileName).toList(),
                files(Path.of("lessons", "zh"), REVIEWED_LESSON).stream().map(Path::getFileName).toList(),
                "every chapter has its Chinese edition, under the same name");
        List<Path> exercises = files(Path.of("exercises"), REVIEWED_EXERCISE);
        assertEquals(List.of(), exercises.stream().filter(e -> !Files.isRegularFile(e.resolve("README.zh.md"))).toList(),
                "every exercise has a README.zh.md");
        assertFalse(exercises.isEmpty());
        assertFalse(chineseBundles().isEmpty());
        assertFalse(exerciseTests().isEmpty());
    }

    @Test
    void oneTermEachInTheLessonsStatementsHintsAndMessages() {
        for (String[] term : ONE_TERM_EACH) {
            Pattern word = Pattern.compile(Pattern.quote(term[0]));
            List<Place> found = new ArrayList<>(find(chineseMarkdown(), ChineseEditionTest::allLines, word));
            found.addAll(find(chineseBundles(), ChineseEditionTest::allLines, word));
            found.addAll(find(exerciseTests(), ChineseEditionTest::allLines, word));
            assertEquals(List.of(), found, "write " + term[1] + ", not " + term[0]);
        }
    }

    @Test
    void chineseWordsAreQuotedWithCurlyQuotes() {
        List<Place> found = new ArrayList<>(find(chineseMarkdown(), ChineseEditionTest::prose, STRAIGHT_QUOTED_CHINESE));
        found.addAll(find(chineseBundles(), ChineseEditionTest::allLines, STRAIGHT_QUOTED_CHINESE));
        assertEquals(List.of(), found, "“本机”, not \"本机\"");
    }

    @Test
    void noSpaceAfterFullWidthPunctuationOrAroundCurlyQuotes() {
        List<Place> found = new ArrayList<>(find(chineseMarkdown(), ChineseEditionTest::prose, SPACE_AFTER_FULL_WIDTH));
        found.addAll(find(chineseMarkdown(), ChineseEditionTest::prose, SPACE_AROUND_CURLY_QUOTES));
        assertEquals(List.of(), found, "full-width punctuation and curly quotes carry their own space");
    }

    @Test
    void theNamedTermsAreTheOnesTheLessonsUse() {
        assertTrue(read(Path.of("lessons/zh/08-sticky-packets.md")).contains("大端序（网络字节序）"),
                "chapter 8 names network byte order");
        assertTrue(read(Path.of("lessons/zh/05-tcp-loops.md")).contains("全连接队列"), "chapter 5's accept queue");
        assertTrue(read(Path.of("lessons/zh/02-workflow.md")).contains("全连接队列"), "chapter 2's accept queue");
        assertTrue(read(Path.of("lessons/zh/06-udp.md")).contains("回显服务端"), "chapter 6's echo server");
        List<Place> other = find(chineseMarkdown(), ChineseEditionTest::prose, Pattern.compile("接受队列|回声|连接队列(?<!全连接队列)"));
        assertEquals(List.of(), other, "全连接队列 for the accept queue, 回显服务端 for an echo server");
    }

    @Test
    void theRulesCatchWhatTheyAreFor() {
        assertTrue(SPACE_AFTER_FULL_WIDTH.matcher("**先启动服务端。** 没人监听时").find());
        assertTrue(SPACE_AFTER_FULL_WIDTH.matcher("被丢弃了， Java").find());
        assertFalse(SPACE_AFTER_FULL_WIDTH.matcher("被丢弃了，Java 只是不读。").find());
        assertTrue(SPACE_AROUND_CURLY_QUOTES.matcher("先写 “hello”，再写").find());
        assertTrue(SPACE_AROUND_CURLY_QUOTES.matcher("“hello” 和“world”").find());
        assertFalse(SPACE_AROUND_CURLY_QUOTES.matcher("先写“hello”，再写“world”：").find());
        assertTrue(STRAIGHT_QUOTED_CHINESE.matcher("表示\"本机\"").find());
        assertFalse(STRAIGHT_QUOTED_CHINESE.matcher("表示“本机”").find());
        assertEquals(List.of("", "", "", "", "", "", "说C"), prose("---\ntitle: x\n---\n```java\n\"服务器\"\n```\n说`代码`"));
    }
}
