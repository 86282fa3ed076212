package io.socketlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlatformCharsetTest {
    /** Conversions without a charset, each on the line {@link #line()} reports, among code that has none. */
    static final class Careless {
        static int decodeLine;
        static int encodeLine;
        static int readerLine;

        static String decode(byte[] bytes, int pick) {
            long big = 1234567890123L; // a two-slot constant in the pool
            switch (pick) { // a tableswitch, whose padding the instruction walk must skip
                case 0 -> big++;
                case 1 -> big--;
                case 2 -> big *= 2;
                default -> big = 0;
            }
            decodeLine = line(); String text = new String(bytes, 0, bytes.length);
            return text + big;
        }

        static byte[] encode(String text) {
            encodeLine = line(); return text.getBytes();
        }

        static Function<InputStream, Reader> readers() {
            return in -> {
                readerLine = line(); return new InputStreamReader(in);
            };
        }
    }

    /** The same work with every charset named. */
    static final class Careful {
        static String roundTrip(String text, InputStream in) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(bytes);
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return new String(bytes, 0, bytes.length, StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8) + reader.read();
            }
        }
    }

    @Test
    void findsEachCallWithoutACharsetAtItsLine() throws Exception {
        Careless.decode(new byte[] {'a'}, 1);
        Careless.encode("a");
        Careless.readers().apply(InputStream.nullInputStream());
        List<String> found = PlatformCharset.scan(classFile(Careless.class));
        assertEquals(List.of(
                "PlatformCharsetTest.java:" + Careless.decodeLine + ": new String(byte[], int, int) has no charset; write new String(bytes, 0, n, StandardCharsets.UTF_8)",
                "PlatformCharsetTest.java:" + Careless.encodeLine + ": String.getBytes() has no charset; write text.getBytes(StandardCharsets.UTF_8)",
                "PlatformCharsetTest.java:" + Careless.readerLine + ": new InputStreamReader(InputStream) has no charset; write new InputStreamReader(in, StandardCharsets.UTF_8)"),
                found.stream().sorted((a, b) -> Integer.compare(lineOf(a), lineOf(b))).toList());
    }

    @Test
    void codeThatNamesItsCharsetsHasNone() throws Exception {
        assertEquals(List.of(), PlatformCharset.scan(classFile(Careful.class)));
    }

    @Test
    void theAssertionNamesTheCallsAndWhy() {
        AssertionError failure = assertThrows(AssertionError.class, () -> PlatformCharset.assertNotUsedBy(Careless.class));
        assertTrue(failure.getMessage().startsWith("text must be encoded and decoded as UTF-8 whatever the machine"), failure.getMessage());
        assertTrue(failure.getMessage().contains("String.getBytes() has no charset"), failure.getMessage());
        assertTrue(failure.getMessage().contains("on JDK 17 whatever the locale says"), failure.getMessage());
    }

    private static int line() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }

    private static int lineOf(String found) {
        String afterFile = found.substring(found.indexOf(':') + 1);
        return Integer.parseInt(afterFile.substring(0, afterFile.indexOf(':')));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String name = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
