package io.socketlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** Watch's messages reach the terminal wrapped at word boundaries, styled ones with their colours. */
class WrappingPrintWriterTest {
    @Test
    void aMessageIsWrappedAtWordsToTheWidthAskedFor() {
        StringWriter written = new StringWriter();
        WrappingPrintWriter out = new WrappingPrintWriter(written, () -> 30);
        out.println("Keys: c check now, h hint, l list, r reset, q quit");
        assertEquals("Keys: c check now, h hint, l\nlist, r reset, q quit\n", written.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aStyledMessageIsWrappedByWhatIsVisibleAndKeepsItsStyle() {
        StringWriter written = new StringWriter();
        WrappingPrintWriter out = new WrappingPrintWriter(written, () -> 20);
        String green = new AttributedString("PASS exercise 01-phone-server passed", AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN))
                .toAnsi(256, false, null, null);
        out.println(green);
        String[] lines = written.toString().split(System.lineSeparator());
        assertEquals(3, lines.length, written.toString());
        for (String line : lines) {
            AttributedString shown = AttributedString.fromAnsi(line);
            assertTrue(shown.columnLength() <= 20, line);
            assertTrue(line.contains("\u001b["), "the colour stays on every line: " + line);
        }
        assertEquals("PASS exercise", AttributedString.fromAnsi(lines[0]).toString());
    }
}
