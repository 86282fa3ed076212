package io.socketlab.render;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.WCWidth;

/**
 * Breaks text into lines of at most a given number of display columns. Lines break at spaces and
 * between CJK characters (which need no spaces), never before closing punctuation such as "，" or
 * ")" and never after opening punctuation. A word longer than a line breaks after punctuation
 * inside it ({@code docs.oracle.com/} | {@code en}), never inside a name; only a single name
 * longer than the line is cut. Everything SocketLab prints goes through here, lessons and
 * messages alike ({@link #wrapMessage}).
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

    /** True for a letter, digit or underscore of a name (not a CJK character, which may break anywhere). */
    static boolean isNameCharacter(int codePoint) {
        return codePoint == '_' || codePoint == '$' || Character.isLetterOrDigit(codePoint) && !isWide(codePoint);
    }

    /** Display columns of the longest word of {@code text}: what wrapping at spaces alone keeps whole. */
    public static int longestWord(String text) {
        int longest = 0;
        for (int[] token : tokens(text)) {
            longest = Math.max(longest, columns(text.substring(token[0], token[1])));
        }
        return longest;
    }

    /** Display columns of the longest piece of {@code text} that wrapping cannot break. */
    public static int longestUnbreakable(String text) {
        int longest = 0;
        for (int[] token : tokens(text)) {
            String word = text.substring(token[0], token[1]);
            int from = 0;
            for (int cut : breaksInside(word)) {
                longest = Math.max(longest, columns(word.substring(from, cut)));
                from = cut;
            }
            longest = Math.max(longest, columns(word.substring(from)));
        }
        return longest;
    }

    /**
     * {@code message} wrapped to {@code width} columns (the default width when 0 or less), for
     * banners, hints and other messages printed as text. Its own line breaks stay, and a line's
     * continuation keeps that line's indentation.
     */
    public static String wrapMessage(String message, int width) {
        List<String> lines = new ArrayList<>();
        wrapMessage(new AttributedString(message), width).forEach(line -> lines.add(line.toString()));
        return String.join("\n", lines);
    }

    /** {@link #wrapMessage(String, int)} for styled text. */
    public static List<AttributedString> wrapMessage(AttributedString message, int width) {
        int limit = width > 0 ? width : RenderOptions.DEFAULT_WIDTH;
        List<AttributedString> out = new ArrayList<>();
        String raw = message.toString();
        int start = 0;
        while (true) {
            int nl = raw.indexOf('\n', start);
            int end = nl < 0 ? raw.length() : nl;
            int indent = start;
            while (indent < end && raw.charAt(indent) == ' ') {
                indent++;
            }
            AttributedString lead = message.subSequence(start, indent);
            int hang = lead.columnLength() <= limit / 2 ? lead.columnLength() : 0;
            for (AttributedString piece : wrap(message.subSequence(indent, end), limit - hang)) {
                out.add(hang == 0 ? piece : new AttributedStringBuilder().append(lead).append(piece).toAttributedString());
            }
            if (nl < 0) {
                return out;
            }
            start = nl + 1;
        }
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
                    AttributedString head = word.subSequence(0, headLength(word.toString(), width));
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

    /** How many chars of a word too long for a line go on this line: up to its last inner break that fits. */
    private static int headLength(String word, int width) {
        int best = 0;
        for (int cut : breaksInside(word)) {
            if (columns(word.substring(0, cut)) > width) {
                break;
            }
            best = cut;
        }
        if (best > 0) {
            return best;
        }
        int length = 0;
        int used = 0;
        while (length < word.length()) {
            int cp = word.codePointAt(length);
            if (used + columns(cp) > width && length > 0) {
                break;
            }
            used += columns(cp);
            length += Character.charCount(cp);
        }
        return length;
    }

    /** The places a word may break when it is longer than a line: after punctuation, before a name. */
    private static List<Integer> breaksInside(String word) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < word.length(); i++) {
            if (!isNameCharacter(word.charAt(i - 1)) && isNameCharacter(word.charAt(i))
                    && NO_BREAK_AFTER.indexOf(word.charAt(i - 1)) < 0 && word.charAt(i - 1) != '`') {
                cuts.add(i);
            }
        }
        return cuts;
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
