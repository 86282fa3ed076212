package io.socketlab.snippets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Text over a byte stream (chapters 4 and 5): upper-casing bytes or text, and decoding UTF-8 that
 * arrives in pieces. Each fact sits in a named region that the lessons include; TextFactsTest runs them.
 */
final class TextFacts {

    private TextFacts() {
    }

    /** The first {@code n} bytes with a-z upper-cased and every other byte kept, as Python's bytes.upper(). */
    static byte[] upperAscii(byte[] buffer, int n) {
        // region upper-bytes
        byte[] reply = Arrays.copyOf(buffer, n);
        for (int i = 0; i < n; i++) {
            if (reply[i] >= 'a' && reply[i] <= 'z') {   // ASCII letters only
                reply[i] -= 'a' - 'A';
            }
        }
        // endregion
        return reply;
    }

    /** The text upper-cased by Unicode's rules, the same on every machine. */
    static String upperText(String text) {
        // region upper-text
        // Locale.ROOT: the same answer whatever the machine's language
        String reply = text.toUpperCase(Locale.ROOT);
        // endregion
        return reply;
    }

    /** Decodes each read on its own: what the buggy loop servers do. */
    static String decodeEachRead(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        // region decode-each-read
        byte[] buffer = new byte[1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            // wrong: a character cut at the end of this read turns into U+FFFD
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        // endregion
        return text.toString();
    }

    /** Decodes through a reader, which keeps an unfinished character for the next read. */
    static String decodeWithReader(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        // region decode-with-reader
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] chars = new char[1024];
        int n;
        while ((n = reader.read(chars)) >= 0) {
            text.append(chars, 0, n);   // whole characters only
        }
        // endregion
        return text.toString();
    }
}
