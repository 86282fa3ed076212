package io.socketlab.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Streams are passed in (docs/architecture.md, "Packages"): only a class with a {@code main}
 * touches the process's standard streams, terminals are built in {@code cli.Terminals} alone, and
 * no test replaces {@code System.out} or {@code System.err}. Read from the sources, comments left out.
 */
class StreamsAndTerminalsTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TESTS = Path.of("src/test/java");
    private static final Path TERMINALS = MAIN.resolve("io/socketlab/cli/Terminals.java");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");
    private static final Pattern MAIN_METHOD = Pattern.compile("\\bstatic void main\\(String");
    private static final Pattern STANDARD_STREAM = Pattern.compile("\\bSystem\\s*\\.\\s*(out|err|setOut|setErr)\\b");
    private static final Pattern STANDARD_INPUT = Pattern.compile("\\bSystem\\s*\\.\\s*in\\b");
    private static final Pattern TERMINAL_BUILDER = Pattern.compile("\\bTerminalBuilder\\b");
    private static final Pattern REPLACED_STREAM = Pattern.compile("\\bSystem\\s*\\.\\s*(setOut|setErr)\\b");

    @Test
    void onlyAClassWithAMainTouchesSystemOutOrErr() {
        assertEquals(List.of(), uses(MAIN, STANDARD_STREAM, file -> !MAIN_METHOD.matcher(code(file)).find()),
                "commands print to the streams Main was given; only a class with a main may name System.out or System.err");
    }

    @Test
    void standardInputComesFromTerminals() {
        assertEquals(List.of(), uses(MAIN, STANDARD_INPUT,
                        file -> !file.equals(TERMINALS) && !MAIN_METHOD.matcher(code(file)).find()),
                "read what the user types from Terminals.stdin(), which tests replace");
    }

    @Test
    void terminalsAreBuiltInTerminalsOnly() {
        assertEquals(List.of(), uses(MAIN, TERMINAL_BUILDER, file -> !file.equals(TERMINALS)),
                "build a terminal through cli.Terminals (open() or onStreams), or take one from the caller");
    }

    @Test
    void testsNeverReplaceSystemOutOrErr() {
        Path self = TESTS.resolve("io/socketlab/architecture/StreamsAndTerminalsTest.java");
        assertEquals(List.of(), uses(TESTS, REPLACED_STREAM, file -> !file.equals(self)),
                "hand Main (or the class under test) a PrintStream instead of replacing System.out");
    }

    @Test
    void theRulesSeeThroughCommentsButNotPastCode() {
        assertEquals(List.of("System.out"), matches("out(); /* System.err */ System.out.println(); // System.err", STANDARD_STREAM));
        assertEquals(List.of(), matches("/** prints to {@code System.out} in a program of your own */", STANDARD_STREAM));
    }

    /** {@code file:line: use} for each use of {@code pattern} in the Java files under {@code root} that {@code checked} keeps. */
    private static List<String> uses(Path root, Pattern pattern, Predicate<Path> checked) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).filter(checked).sorted().toList()) {
                List<String> lines = code(file).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    for (String use : matches(lines.get(i), pattern)) {
                        found.add(file + ":" + (i + 1) + ": " + use);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<String> matches(String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(uncommented(text));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** The source of {@code file} with its comments blanked, line numbers kept. */
    private static String code(Path file) {
        try {
            return uncommented(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uncommented(String source) {
        Matcher m = COMMENT.matcher(source);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\n]", " ")));
        }
        return m.appendTail(out).toString();
    }
}
