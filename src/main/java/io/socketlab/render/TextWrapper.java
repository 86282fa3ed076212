package io.socketlab.render;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.WCWidth;

/**
 * Breaks styled text into lines of at most a given number of display columns. Lines break at
 * spaces and between CJK characters (which need no spaces), never before closing punctuation such
 * as "，" or ")" and never after opening punctuation; a word longer than a line is cut.
 */
public final class TextWrapper {
    private static final String NO_BREAK_BEFORE = "，。、；：？！）」』》〉】…—,.;:?!)]}%·";
    private static final String NO_BREAK_AFTER = "（「『《〈【";

    private TextWrapper() {
    }

    /** Display columns of one code point: 2 for wide CJK, 0 for combining marks, else 1. */
    public static int columns(int codePoint) {
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }

    public static int columns(CharSequence text) {
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            total += columns(cp);
            i += Character.charCount(cp);
        }
        return total;
    }

    /** True for characters drawn two columns wide (CJK ideographs, kana, full-width forms). */
    public static boolean isWide(int codePoint) {
        return WCWidth.wcwidth(codePoint) == 2;
    }

    /** Display columns of the longest piece of {@code text} that wrapping cannot break. */
    public static int longestUnbreakable(String text) {
        int longest = 0;
        for (int[] token : tokens(text)) {
            longest = Math.max(longest, columns(text.substring(token[0], token[1])));
        }
        return longest;
    }

    /** Wraps {@code text}, whose {@code '\n'} characters are forced line breaks. */
    public static List<AttributedString> wrap(AttributedString text, int width) {
        int limit = Math.max(1, width);
        List<AttributedString> lines = new ArrayList<>();
        int start = 0;
        String raw = text.toString();
        while (true) {
            int nl = raw.indexOf('\n', start);
            AttributedString part = text.subSequence(start, nl < 0 ? raw.length() : nl);
            wrapLine(part, limit, lines);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        return lines;
    }

    private static void wrapLine(AttributedString text, int width, List<AttributedString> out) {
        List<int[]> tokens = tokens(text.toString());
        AttributedStringBuilder line = new AttributedStringBuilder();
        int lineColumns = 0;
        int pendingSpaceStart = -1;
        int pendingSpaceEnd = -1;
        boolean any = false;
        for (int[] token : tokens) {
            int from = token[0];
            int to = token[1];
            boolean space = text.charAt(from) == ' ';
            if (space) {
                pendingSpaceStart = from;
                pendingSpaceEnd = to;
                continue;
            }
            AttributedString word = text.subSequence(from, to);
            int wordColumns = word.columnLength();
            int spaceColumns = pendingSpaceStart < 0 || lineColumns == 0 ? 0 : pendingSpaceEnd - pendingSpaceStart;
            if (lineColumns + spaceColumns + wordColumns <= width) {
                if (spaceColumns > 0) {
                    line.append(text.subSequence(pendingSpaceStart, pendingSpaceEnd));
                }
                line.append(word);
                lineColumns += spaceColumns + wordColumns;
            } else {
                if (lineColumns > 0) {
                    out.add(line.toAttributedString());
                    line = new AttributedStringBuilder();
                    lineColumns = 0;
                }
                while (wordColumns > width) {
                    AttributedString head = word.columnSubSequence(0, width);
                    if (head.length() == 0) {
                        head = word.subSequence(0, Character.charCount(word.toString().codePointAt(0)));
                    }
                    out.add(head);
                    word = word.subSequence(head.length(), word.length());
                    wordColumns = word.columnLength();
                }
                line.append(word);
                lineColumns = wordColumns;
            }
            pendingSpaceStart = -1;
            any = true;
        }
        if (lineColumns > 0 || !any) {
            out.add(line.toAttributedString());
        }
    }

    /**
     * Splits a line into unbreakable tokens [from, to): runs of spaces, words, and single wide
     * characters, with punctuation glued to the side it belongs to.
     */
    private static List<int[]> tokens(String s) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int start = i;
            if (cp == ' ') {
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
            } else if (isWide(cp) || NO_BREAK_AFTER.indexOf(cp) >= 0) {
                i += Character.charCount(cp);
            } else {
                while (i < s.length()) {
                    int c = s.codePointAt(i);
                    if (c == ' ' || isWide(c) && NO_BREAK_BEFORE.indexOf(c) < 0 || NO_BREAK_AFTER.indexOf(c) >= 0 && i > start) {
                        break;
                    }
                    i += Character.charCount(c);
                }
            }
            if (!tokens.isEmpty()) {
                int[] last = tokens.get(tokens.size() - 1);
                char lastChar = s.charAt(last[1] - 1);
                boolean glueToLast = NO_BREAK_BEFORE.indexOf(cp) >= 0 && s.charAt(last[0]) != ' '
                        || NO_BREAK_AFTER.indexOf(lastChar) >= 0 && cp != ' ';
                if (glueToLast) {
                    last[1] = i;
                    continue;
                }
            }
            tokens.add(new int[] {start, i});
        }
        return tokens;
    }
}
