package io.socketlab.render;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Breaks a line of code that is too wide at a token boundary: at a space when one comes late
 * enough in the line, else where a name meets punctuation ({@code new String(} | {@code buffer}),
 * never inside a name or a number and never between two symbols such as {@code ->}. The pieces
 * after the first hang four columns deeper than the line's own indentation.
 */
final class CodeLineWrapper {
    private CodeLineWrapper() {
    }

    /**
     * The pieces of {@code line}, each at most {@code width} columns; every piece but the last
     * leaves {@code markColumns} free for the continuation mark the caller appends.
     */
    static List<AttributedString> wrap(AttributedString line, int width, int markColumns) {
        String s = line.toString();
        List<AttributedString> pieces = new ArrayList<>();
        if (TextWrapper.columns(s) <= width) {
            pieces.add(line);
            return pieces;
        }
        int indent = 0;
        while (indent < s.length() && s.charAt(indent) == ' ') {
            indent++;
        }
        String hang = " ".repeat(Math.min(indent + 4, width / 3));
        int start = 0;
        while (true) {
            String prefix = start == 0 ? "" : hang;
            int room = width - prefix.length();
            if (TextWrapper.columns(s.substring(start)) <= room) {
                pieces.add(join(prefix, line.subSequence(start, s.length())));
                return pieces;
            }
            int cut = lastBreak(s, start, Math.max(1, room - markColumns));
            int end = cut;
            while (end > start && s.charAt(end - 1) == ' ') {
                end--;
            }
            pieces.add(join(prefix, line.subSequence(start, end)));
            start = cut;
            while (start < s.length() && s.charAt(start) == ' ') {
                start++;
            }
            if (start >= s.length()) {
                return pieces;
            }
        }
    }

    private static AttributedString join(String prefix, AttributedString piece) {
        if (prefix.isEmpty()) {
            return piece;
        }
        return new AttributedStringBuilder().append(prefix).append(piece).toAttributedString();
    }

    /** Where the piece starting at {@code start} ends so it fits in {@code room} columns. */
    private static int lastBreak(String s, int start, int room) {
        int lastSpace = -1;
        int lastToken = -1;
        int used = 0;
        int i = start;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            used += TextWrapper.columns(cp);
            if (used > room) {
                break;
            }
            i += Character.charCount(cp);
            if (i < s.length() && i > start) {
                char before = s.charAt(i - 1);
                char after = s.charAt(i);
                if (before == ' ' || after == ' ') {
                    lastSpace = i;
                } else if (isNamePart(s, i - 1) != isNamePart(s, i)) {
                    lastToken = i;
                }
            }
        }
        int fitted = i;
        // A space in the second half of the piece reads best; a token boundary beats a space
        // that would leave most of the line empty.
        if (lastSpace > start && lastSpace - start >= (fitted - start) / 2) {
            return lastSpace;
        }
        int best = Math.max(lastSpace, lastToken);
        if (best > start) {
            return best;
        }
        // One name longer than the whole line: nothing to do but cut it.
        return fitted > start ? fitted : start + Character.charCount(s.codePointAt(start));
    }

    /** True for a character of a name or a number, including the dot in {@code 0.5} or {@code 127.0.0.1}. */
    private static boolean isNamePart(String s, int index) {
        char c = s.charAt(index);
        if (c == '.' && index > 0 && index + 1 < s.length()
                && Character.isDigit(s.charAt(index - 1)) && Character.isDigit(s.charAt(index + 1))) {
            return true;
        }
        return TextWrapper.isNameCharacter(c);
    }
}
