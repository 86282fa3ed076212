package io.socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code read} on a terminal: NO_COLOR drops the colour and keeps the pager. */
class ReadPagerTest {
    // a foreground colour: 30-37, 90-97 or 38;5;N in an SGR sequence
    private static final Pattern COLOUR = Pattern.compile("\u001b\\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])(?:;[0-9]+)*m");

    @TempDir
    static Path course;

    @BeforeAll
    static void copyCourse() throws IOException {
        for (String folder : new String[] {"lessons", "src", "exercises"}) {
            TestFiles.copyTree(Path.of(folder), course.resolve(folder));
        }
    }

    private String readOnATerminal(Map<String, String> env) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Terminal terminal = TerminalBuilder.builder().provider("exec").system(false)
                .streams(new ByteArrayInputStream("q".getBytes(StandardCharsets.UTF_8)), screen)
                .type("xterm-256color").size(new Size(80, 24)).encoding(StandardCharsets.UTF_8).build();
        Terminals terminals = new Terminals() {
            @Override
            public boolean stdoutIsTerminal() {
                return true;
            }

            @Override
            public Terminal open() {
                return terminal;
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
                env, terminals, "--course", course.toString(), "read", "4");
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
        return screen.toString(StandardCharsets.UTF_8);
    }

    private Map<String, String> environment() {
        return new HashMap<>(Map.of("LANG", "en_US.UTF-8", "TERM", "xterm-256color"));
    }

    @Test
    void aLongChapterOpensInThePagerInColour() throws IOException {
        String screen = readOnATerminal(environment());
        assertTrue(screen.contains("space/b/q"), screen);
        assertTrue(COLOUR.matcher(screen).find(), "colour expected without NO_COLOR");
    }

    @Test
    void noColorKeepsThePagerAndDropsTheColour() throws IOException {
        Map<String, String> env = environment();
        env.put("NO_COLOR", "1");
        String screen = readOnATerminal(env);
        assertTrue(screen.contains("space/b/q"), "the pager stays with NO_COLOR:\n" + screen);
        assertFalse(COLOUR.matcher(screen).find(), "no colour with NO_COLOR:\n" + screen);
    }
}
