package io.socketlab.grade;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For the launcher's start-up archive of the commands: a check runs as a learner's runs, on an
 * exercise of a learner's class and a course test that use what exercises use (lambdas and method
 * references, try-with-resources, records, switch expressions, the test kit, JUnit's assertions),
 * then the compiler runs once more on a class with mistakes. So the check's own classes and
 * lambdas, and the compiler's classes for those paths and for its error messages, are in the
 * archive. A one-line compile left about 100 of the compiler's classes and 60 lambdas out of it,
 * and no check at all the checker's and the report's, which every check loaded or made.
 */
public final class CheckRehearsal {
    private CheckRehearsal() {
    }

    static final String LEARNER = """
            package rehearsal;

            import java.io.BufferedReader;
            import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
            import java.io.InputStreamReader;
            import java.io.OutputStream;
            import java.net.ServerSocket;
            import java.net.Socket;
            import java.net.SocketException;
            import java.nio.charset.StandardCharsets;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Locale;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.function.Function;

            public final class Upper {
                record Line(String text, int number) {
                }

                enum Mode { SHOUT, WHISPER }

                private static final java.util.Set<String> SEEN = ConcurrentHashMap.newKeySet();

                private Upper() {
                }

                public static void serve(ServerSocket listening) throws IOException {
                    try (Socket call = listening.accept();
                         BufferedReader in = new BufferedReader(new InputStreamReader(call.getInputStream(), StandardCharsets.UTF_8))) {
                        OutputStream out = call.getOutputStream();
                        List<Line> lines = new ArrayList<>();
                        String text = in.readLine();
                        if (text != null) {
                            lines.add(new Line(text, lines.size() + 1));
                        }
                        for (Line line : lines) {
                            SEEN.add(line.text());
                            out.write((apply(Mode.SHOUT, line.text()) + "\\n").getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                    } catch (SocketException e) {
                        SEEN.add("the client left: " + e.getMessage());
                    }
                }

                static String apply(Mode mode, String text) {
                    Function<String, String> change = switch (mode) {
                        case SHOUT -> s -> s.toUpperCase(Locale.ROOT);
                        case WHISPER -> String::strip;
                    };
                    return change.apply(text);
                }

                static int check(int n) {
                    if (n < 0) {
                        throw new IllegalArgumentException("negative: " + n);
                    }
                    return n;
                }
            }
            """;

    static final String TEST = """
            package rehearsal;

            import static org.junit.jupiter.api.Assertions.assertEquals;
            import static org.junit.jupiter.api.Assertions.assertThrows;
            import static org.junit.jupiter.api.Assertions.assertTrue;

            import io.socketlab.testkit.RecordingClient;
            import io.socketlab.testkit.ServerRunner;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.stream.Collectors;
            import org.junit.jupiter.api.Tag;
            import org.junit.jupiter.api.Test;
            import org.junit.jupiter.api.Timeout;

            @Timeout(10)
            class UpperTest {
                @Test
                @Tag("points=2")
                void answersInCapitals() throws Exception {
                    try (ServerRunner server = ServerRunner.start(Upper::serve);
                         RecordingClient client = RecordingClient.connect(server.port())) {
                        client.send("warm\\n");
                        assertEquals("WARM\\n", client.readUntilClosed(), client.log());
                        server.awaitReturn(2000);
                    }
                }

                @Test
                void refusesANegativeNumber() {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Upper.check(-1));
                    assertTrue(e.getMessage().contains("-1"), () -> "the message names the number: " + e.getMessage());
                    Map<Integer, List<String>> byLength = List.of("a", "bb", "cc").stream()
                            .collect(Collectors.groupingBy(String::length));
                    Map<String, Integer> counts = new HashMap<>();
                    for (String word : List.of("a", "a", "b")) {
                        counts.merge(word, 1, Integer::sum);
                    }
                    assertEquals(2, byLength.get(2).size());
                    assertEquals(2, (int) counts.get("a"), "counted twice");
                    assertEquals("quiet", Upper.apply(Upper.Mode.WHISPER, " quiet "));
                }
            }
            """;

    /** A learner's slips: a misspelt type, a wrong return type, a missing method. */
    static final String MISTAKES = """
            package rehearsal;

            final class Slips {
                static Strin name() {
                    return "x";
                }

                static int count() {
                    return "one";
                }

                static void call() {
                    Upper.nothing();
                }
            }
            """;

    /**
     * Checks the rehearsal's exercise twice as {@code check} does, in a tests' JVM of its own: the
     * first check keeps the tests compiled, the second takes them ({@link CompiledTestCache}).
     * Prints the report to nowhere; the two statuses, for a test to look at ("pass pass").
     */
    public static String check() throws IOException {
        Path dir = Files.createTempDirectory("socketlab-rehearsal");
        try {
            Path exercise = dir.resolve("exercises").resolve("01-rehearsal");
            write(exercise.resolve("src"), "Upper.java", LEARNER);
            write(exercise.resolve("test"), "UpperTest.java", TEST);
            Files.writeString(exercise.resolve("README.md"), "---\ntitle: Rehearsal\npoints: 3\ntimeout: 20\n---\nA rehearsal.\n",
                    StandardCharsets.UTF_8);
            Files.writeString(exercise.resolve("README.zh.md"), "---\ntitle: 排练\n---\n排练。\n", StandardCharsets.UTF_8);
            Exercise loaded = ExerciseLoader.loadOne(exercise, new ArrayList<>());
            CheckResult first;
            CheckResult second;
            CompiledTestCache kept = new CompiledTestCache(dir.resolve(".socketlab").resolve("compiled-tests"));
            try (ExerciseChecker checker = new ExerciseChecker(Lang.EN).keepingCompiledTests(kept)) {
                first = checker.check(loaded);
                second = checker.check(loaded);
            }
            new CheckReport(Lang.EN, false).print(loaded, second, new PrintWriter(Writer.nullWriter()));
            return first.status() + " " + second.status();
        } finally {
            ScratchFolders.delete(dir);
        }
    }

    /** Compiles the rehearsal's sources, then its mistakes; the outcomes, for a test to look at. */
    public static List<Boolean> compile() throws IOException {
        Path dir = Files.createTempDirectory("socketlab-rehearsal");
        try {
            Path learner = write(dir.resolve("src"), "Upper.java", LEARNER);
            Path tests = write(dir.resolve("test"), "UpperTest.java", TEST);
            LearnerCompiler.Outcome good = LearnerCompiler.compile(List.of(learner, tests), dir.resolve("classes"),
                    List.of(dir), Locale.ENGLISH);
            write(learner, "Slips.java", MISTAKES);
            LearnerCompiler.Outcome slips = LearnerCompiler.compile(List.of(learner, tests), dir.resolve("slips"),
                    List.of(dir), Locale.ENGLISH);
            return List.of(good.ok(), !slips.ok() && slips.errors().contains("Slips.java"));
        } finally {
            ScratchFolders.delete(dir);
        }
    }

    private static Path write(Path folder, String name, String text) throws IOException {
        Path file = folder.resolve("rehearsal").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return folder;
    }
}
