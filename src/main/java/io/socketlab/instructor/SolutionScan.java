package io.socketlab.instructor;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the reference solutions' code inside other files, method by method: a test that pastes a
 * solution with one line changed still carries the solution's other methods word for word, which
 * comparing whole files does not see. Code is compared without comments or white space, so
 * re-indenting or re-wrapping it hides nothing. Bodies the solution shares with a starter or a
 * visible test (a given helper) are public, and short ones ({@code return count;}) prove nothing.
 */
public final class SolutionScan {
    /** Shorter bodies, without white space, are too common to mean a copy. */
    static final int MIN_BODY = 60;
    /** Larger files are data, not code a person pasted a solution into. */
    private static final long MAX_SCANNED = 2L * 1024 * 1024;
    private static final Pattern METHOD = Pattern.compile(
            "(?:[\\w<>\\[\\]?,.]+\\s+)+(\\w+)\\s*\\([^;{}()]*(?:\\([^)]*\\)[^;{}()]*)*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized", "try", "return", "new");

    private final Set<String> bodies;

    private SolutionScan(Set<String> bodies) {
        this.bodies = bodies;
    }

    /** The method bodies of every {@code exercises/*}{@code /solution/} of {@code course}, less the public ones. */
    public static SolutionScan of(Path course) throws IOException {
        Set<String> secret = new HashSet<>();
        List<String> open = new ArrayList<>();
        Path exercises = course.resolve("exercises");
        if (Files.isDirectory(exercises)) {
            try (Stream<Path> walk = Files.walk(exercises)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".java")).toList()) {
                    Path relative = exercises.relativize(file);
                    String part = relative.getNameCount() > 1 ? relative.getName(1).toString() : "";
                    String code = Files.readString(file, StandardCharsets.UTF_8);
                    if (part.equals("solution")) {
                        secret.addAll(bodies(code));
                    } else if (!part.equals("hidden")) {
                        open.add(squeeze(code));
                    }
                }
            }
        }
        secret.removeIf(body -> open.stream().anyMatch(text -> text.contains(body)));
        return new SolutionScan(secret);
    }

    /** True when {@code file} holds a method body of a solution; false for binary and very large files. */
    public boolean embedsASolution(Path file) throws IOException {
        if (bodies.isEmpty() || Files.size(file) > MAX_SCANNED) {
            return false;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        String squeezed = squeeze(text);
        return bodies.stream().anyMatch(squeezed::contains);
    }

    /** The bodies of the methods and constructors declared in {@code code}, squeezed, long enough to count. */
    static Set<String> bodies(String code) {
        String plain = withoutComments(code);
        Set<String> found = new HashSet<>();
        Matcher m = METHOD.matcher(plain);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = matchingBrace(plain, open);
            if (close < 0) {
                break;
            }
            if (!NOT_METHODS.contains(m.group(1))) {
                String body = squeeze(plain.substring(open + 1, close));
                if (body.length() >= MIN_BODY) {
                    found.add(body);
                }
            }
            // methods of inner and anonymous classes count too: look inside this one as well
            from = open + 1;
        }
        return found;
    }

    /** The index of the brace closing the one at {@code open}, skipping strings and characters; -1 when unbalanced. */
    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(code, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int endOfLiteral(String code, int start) {
        char quote = code.charAt(start);
        if (quote == '"' && code.startsWith("\"\"\"", start)) {
            int end = code.indexOf("\"\"\"", start + 3);
            return end < 0 ? code.length() : end + 2;
        }
        for (int i = start + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote || c == '\n') {
                return i;
            }
        }
        return code.length();
    }

    /** {@code code} without its comments: they may differ in a copy and say nothing of its code. */
    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = Math.min(endOfLiteral(code, i), code.length() - 1);
                out.append(code, i, end + 1);
                i = end;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end - 1;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? code.length() : end + 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Text with comments and every white-space character removed. */
    static String squeeze(String text) {
        return withoutComments(text).replaceAll("\\s+", "");
    }
}
