package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Chapters 4, 5 and 8, checked: upper-casing, text cut across reads, and writeUTF's modified UTF-8. */
class TextFactsTest {

    /** 1,023 times 'a' and then 你好: the first 1024-byte read ends one byte into 你. */
    private static final byte[] CUT_IN_A_CHARACTER =
            ("a".repeat(1023) + "你好").getBytes(StandardCharsets.UTF_8);

    @Test
    void theMessageIs1029BytesAndTheFirstReadEndsInsideACharacter() {
        assertEquals(1029, CUT_IN_A_CHARACTER.length);
        assertEquals((byte) 0xe4, CUT_IN_A_CHARACTER[1023], "the first byte of 你 is the 1,024th");
    }

    @Test
    void decodingEachReadOnItsOwnInventsThreeReplacementCharacters() throws Exception {
        String text = TextFacts.decodeEachRead(new ByteArrayInputStream(CUT_IN_A_CHARACTER));
        assertEquals(3, text.chars().filter(c -> c == '\uFFFD').count());
        assertEquals(1035, text.getBytes(StandardCharsets.UTF_8).length, "1,035 bytes go back for 1,029 received");
    }

    @Test
    void aReaderKeepsTheCutCharacterForTheNextRead() throws Exception {
        String text = TextFacts.decodeWithReader(new ByteArrayInputStream(CUT_IN_A_CHARACTER));
        assertEquals("a".repeat(1023) + "你好", text);
    }

    @Test
    void aCharsetDecoderLeavesTheBytesOfACutCharacterInItsInput() throws Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.wrap(CUT_IN_A_CHARACTER, 0, 1024);
        CharBuffer chars = CharBuffer.allocate(2048);
        decoder.decode(bytes, chars, false);
        assertEquals(1, bytes.remaining(), "e4 waits for the rest of 你");
        assertEquals(1023, chars.position());
    }

    @Test
    void upperCasingBytesChangesOnlyAsciiLettersLikePython() throws Exception {
        byte[] said = "hi café straße 你好".getBytes(StandardCharsets.UTF_8);
        byte[] reply = TextFacts.upperAscii(said, said.length);
        assertEquals("HI CAFé STRAßE 你好", new String(reply, StandardCharsets.UTF_8));
        assertEquals(said.length, reply.length, "every byte keeps its place");
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        assertEquals("HI CAFé STRAßE 你好",
                PythonRunner.run("print('hi café straße 你好'.encode('utf-8').upper().decode('utf-8'))"));
    }

    @Test
    void upperCasingTextChangesAccentsAndSharpS() {
        assertEquals("HI CAFÉ STRASSE 你好", TextFacts.upperText("hi café straße 你好"));
    }

    @Test
    void pythonStrUpperAgreesWithJavaOnText() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        assertEquals("HI CAFÉ STRASSE 你好", PythonRunner.run("print('hi café straße 你好'.upper())"));
    }

    @Test
    void toUpperCaseWithoutALocaleGivesADottedCapitalIUnderTurkish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("Hİ", "hi".toUpperCase());
            assertEquals("HI", TextFacts.upperText("hi"));
        } finally {
            Locale.setDefault(before);
        }
    }

    private static String writeUtf(String text) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new DataOutputStream(wire).writeUTF(text);
        return StreamFacts.hex(wire.toByteArray());
    }

    @Test
    void writeUtfWritesAnEmojiAsSixBytes() throws Exception {
        assertEquals("00 06 ed a0 bd ed b8 80", writeUtf("😀"));
        assertEquals("f0 9f 98 80", StreamFacts.hex("😀".getBytes(StandardCharsets.UTF_8)), "real UTF-8 takes four");
    }

    @Test
    void writeUtfWritesNulAsTwoBytes() throws Exception {
        assertEquals("00 02 c0 80", writeUtf("\0"));
    }

    @Test
    void writeUtfRefusesMoreThan65535Bytes() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new DataOutputStream(wire).writeUTF("a".repeat(65_535));
        assertEquals(2 + 65_535, wire.size());
        assertThrows(UTFDataFormatException.class, () -> writeUtf("a".repeat(65_536)));
    }

    @Test
    void pythonCannotDecodeWriteUtfsEmoji() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String script = String.join("\n",
                "try:",
                "    bytes.fromhex('eda0bdedb880').decode('utf-8')",
                "except UnicodeDecodeError as e:",
                "    print(type(e).__name__)");
        assertEquals("UnicodeDecodeError", PythonRunner.run(script));
    }
}
