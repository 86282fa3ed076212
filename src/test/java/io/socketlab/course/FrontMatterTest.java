package io.socketlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
    @Test
    void linesSplitAsTheRegexDid() {
        for (String text : new String[] {"", "a", "a\n", "\n", "a\r\nb\nc", "a\r\r\nb", "\r\n\r\n", "a\rb\n", "x\n\ny\r"}) {
            assertEquals(List.of(text.split("\r?\n", -1)), List.of(FrontMatter.lines(text)), "lines of " + text.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void quotedValuesAreReadAsYamlReadsThem() {
        List<Problem> problems = new ArrayList<>();
        FrontMatter front = FrontMatter.parse(Path.of("README.md"), String.join("\n",
                "---",
                "title: \"Say \\\"hi\\\"\"",
                "hints:",
                "  - \"new Socket(\\\"127.0.0.1\\\", port), a \\\\ stays\"",
                "  - 'it''s plain'",
                "  - bare \\\"text\\\" is left alone",
                "---",
                "body"), problems);
        assertEquals(List.of(), problems);
        assertEquals("Say \"hi\"", front.get("title").text());
        assertEquals(List.of("new Socket(\"127.0.0.1\", port), a \\ stays", "it's plain", "bare \\\"text\\\" is left alone"),
                front.get("hints").values());
    }
}
