package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Student folder names turned into file names for feedback/ and results/. */
class GradebookWriterTest {

    @Test
    void lettersOfEveryScriptStayWithTheirAccentsAndVowelSigns() {
        assertEquals("王_小明", GradebookWriter.safeName("王 小明"));
        assertEquals("a_b_c_", GradebookWriter.safeName("a/b:c?"));
        // é as e and a combining accent (macOS writes file names so), Devanagari with its vowel signs
        String decomposed = Normalizer.normalize("José", Normalizer.Form.NFD);
        assertEquals(decomposed, GradebookWriter.safeName(decomposed));
        assertEquals("नमस्ते", GradebookWriter.safeName("नमस्ते"));
        assertEquals("Nguyễn_Thị", GradebookWriter.safeName(Normalizer.normalize("Nguyễn Thị", Normalizer.Form.NFD))
                .transform(s -> Normalizer.normalize(s, Normalizer.Form.NFC)));
    }
}
