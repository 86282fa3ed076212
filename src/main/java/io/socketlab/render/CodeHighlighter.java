package io.socketlab.render;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.builtins.SyntaxHighlighter;
import org.jline.utils.AttributedString;

/**
 * Colours code by language with jline's nanorc highlighter and SocketLab's own nanorc files
 * (jline ships none). Languages without rules come back unstyled. Highlighters are built on
 * first use, so a chapter without code pays nothing.
 */
final class CodeHighlighter {
    private static final Map<String, String> RULES = Map.of(
            "java", "java",
            "python", "python", "py", "python",
            "sh", "sh", "shell", "sh", "bash", "sh", "console", "sh");

    private final Map<String, SyntaxHighlighter> built = new HashMap<>();

    List<AttributedString> highlight(String code, String language) {
        String rules = RULES.get(language.toLowerCase(Locale.ROOT));
        if (rules == null) {
            return code.lines().map(AttributedString::new).toList();
        }
        SyntaxHighlighter highlighter = built.computeIfAbsent(rules,
                name -> SyntaxHighlighter.build("classpath:/io/socketlab/render/" + name + ".nanorc"));
        return highlighter.reset().highlight(code).columnSplitLength(Integer.MAX_VALUE);
    }
}
