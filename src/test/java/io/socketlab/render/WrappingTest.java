package io.socketlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Includes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines break at word and token boundaries by display width, never inside a name. */
class WrappingTest {
    private static List<String> render(String markdown, int width) {
        LessonRenderer renderer = new LessonRenderer(RenderOptions.plain(width), new Includes(Path.of(".")));
        return renderer.toText(renderer.render(markdown)).lines().toList();
    }

    private static void assertFits(List<String> lines, int width) {
        for (String line : lines) {
            assertTrue(TextWrapper.columns(line) <= width, () -> "wider than " + width + ": " + line);
        }
    }

    @Test
    void aLongCodeLineBreaksBeforeANameAndMarksTheContinuation() {
        List<String> lines = render("```java\nString text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);\n```", 60);
        assertEquals(List.of(
                "    String text = new String(packet.getData(), 0,\\",
                "        packet.getLength(), StandardCharsets.UTF_8);"), lines);
    }

    @Test
    void aCodeLineNeverBreaksBetweenTwoSymbols() {
        List<String> lines = render("```java\nRunnable task = () -> System.out.println(\"a rather long line of text\");\n```", 40);
        assertFits(lines, 40);
        assertTrue(String.join("", lines).contains("->"), () -> String.join("\n", lines));
        assertFalse(lines.stream().anyMatch(l -> l.endsWith("-\\")), () -> String.join("\n", lines));
    }

    @Test
    void aWordLongerThanTheLineBreaksAfterPunctuationInsideIt() {
        List<String> lines = render("See https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/net/Socket.html now", 30);
        assertFits(lines, 30);
        assertEquals("See", lines.get(0));
        assertTrue(lines.subList(1, lines.size() - 1).stream().allMatch(l -> !Character.isLetterOrDigit(l.charAt(l.length() - 1))), () -> String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 1).endsWith("Socket.html now"), () -> String.join("\n", lines));
    }

    @Test
    void aTableTooNarrowForItsNamesIsDrawnRowByRow() {
        String table = "| opens | option |\n|---|---|\n| `ServerSocketChannel.open()` | `StandardSocketOptions.SO_REUSEADDR` |\n";
        List<String> lines = render(table, 40);
        assertFits(lines, 40);
        assertTrue(lines.contains("opens: `ServerSocketChannel.open()`"), () -> String.join("\n", lines));
        assertTrue(lines.contains("option:"), () -> String.join("\n", lines));
        assertTrue(lines.contains("  `StandardSocketOptions.SO_REUSEADDR`"), () -> String.join("\n", lines));
    }

    @Test
    void aTableCellWrapsAtSpacesBeforeItSplitsAName() {
        String table = "| call | what it does |\n|---|---|\n| `serverSocket.accept()` | waits for the next caller in the queue and answers |\n";
        List<String> lines = render(table, 50);
        assertFits(lines, 50);
        assertTrue(lines.stream().anyMatch(l -> l.contains("`serverSocket.accept()`")), () -> String.join("\n", lines));
    }

    @Test
    void aMessageWrapsAtSpacesAndKeepsItsIndentation() {
        String hint = "Hint 1 of 2 for 01-phone-server:\n  Read until read returns -1, which means the caller hung up; then close the socket.";
        assertEquals("Hint 1 of 2 for 01-phone-server:\n"
                + "  Read until read returns -1, which means the\n"
                + "  caller hung up; then close the socket.", TextWrapper.wrapMessage(hint, 48));
    }

    @Test
    void chineseBreaksBetweenCharactersButNeverBeforeClosingPunctuation() {
        String wrapped = TextWrapper.wrapMessage("服务端在这里等待下一个客户端，连上以后再回答。", 14);
        for (String line : wrapped.split("\n")) {
            assertTrue(TextWrapper.columns(line) <= 14, line);
            assertFalse(line.startsWith("，") || line.startsWith("。"), wrapped);
        }
        assertEquals("服务端在这里等待下一个客户端，连上以后再回答。", wrapped.replace("\n", ""));
    }

    @Test
    void aTraceAddressMovesToTheNextLineWhole() {
        String wrapped = TextWrapper.wrapMessage("server  accept from 127.0.0.1:54321 on 127.0.0.1:5000", 40);
        assertEquals("server  accept from 127.0.0.1:54321 on\n127.0.0.1:5000", wrapped);
    }
}
