package io.socketlab.testkit;

import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;

/**
 * Failure messages in the learner's language, for exercise authors. The grader starts the JVM that
 * runs an exercise's tests with {@code -Dsocketlab.lang=en} or {@code -Dsocketlab.lang=zh} (the
 * language of {@code --lang} or the locale); without that property, as under plain Maven or an IDE,
 * everything is English.
 *
 * <p>Write every message a learner may read, in visible tests, hidden tests and helper classes,
 * in both languages:
 *
 * <pre>{@code
 * import static io.socketlab.testkit.Say.say;
 *
 * assertEquals("HELLO", reply, say("the server heard \"hello\" and replied \"HELLO\" in one piece",
 *         "服务端收到 \"hello\"，一次性回复了 \"HELLO\""));
 * assertTrue(server.awaitReturn(2000), () -> say("answerOneCall is still running", "answerOneCall 还在运行")
 *         + "\n" + client.log());
 * }</pre>
 *
 * Keep code, method names and values such as {@code "HELLO"} as they are in both texts, and write
 * the Chinese with full-width punctuation (，。：（）), as the course's Chinese statements do. The
 * testkit's own messages ({@link RecordingClient}, {@link ServerRunner}, {@link ChunkingProxy})
 * follow the same property by themselves.
 */
public final class Say {
    /** The system property the grader sets to the learner's language code, "en" or "zh". */
    public static final String PROPERTY = "socketlab.lang";

    private Say() {
    }

    /**
     * {@code chinese} when the tests run for a Chinese-speaking learner ({@link #lang()} is
     * {@link Lang#ZH}), else {@code english}. The property is read on every call.
     */
    public static String say(String english, String chinese) {
        return lang() == Lang.ZH ? chinese : english;
    }

    /**
     * The learner's language: {@link Lang#ZH} when the {@value #PROPERTY} system property is "zh"
     * (a region such as "zh_CN" is allowed), {@link Lang#EN} otherwise, including when it is unset.
     */
    public static Lang lang() {
        return Lang.parse(System.getProperty(PROPERTY)) == Lang.ZH ? Lang.ZH : Lang.EN;
    }

    /**
     * A byte count as a learner reads it: "1 byte", "0 bytes", "1024 bytes" ("1 字节" in Chinese).
     * Every message that counts bytes says it this way, never "1 bytes".
     */
    public static String bytes(long count) {
        return text(count == 1 ? "bytes.one" : "bytes.many", count);
    }

    /** A run of one invisible character at least this long is counted instead of spelled out. */
    private static final int COUNTED_RUN = 16;

    /**
     * {@code text} in double quotes with the characters a reader cannot see written out:
     * {@code "hello\n"}, {@code "d\x00\x00"}. Quotes and backslashes are escaped too, so the result
     * reads as one line and says exactly what was there. A long run of one invisible character, such
     * as the NULs after a message decoded from a whole buffer, is counted the way Python writes it:
     * {@code "HELLO" + "\x00" * 1019}.
     */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder();
        StringBuilder piece = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int run = 1;
            while (i + run < text.length() && text.charAt(i + run) == c) {
                run++;
            }
            if (invisible(c) && run >= COUNTED_RUN) {
                if (piece.length() > 0) {
                    quoted.append('"').append(piece).append("\" + ");
                    piece.setLength(0);
                }
                quoted.append('"').append(escape(c)).append("\" * ").append(run);
                i += run;
                if (i < text.length()) {
                    quoted.append(" + ");
                }
                continue;
            }
            piece.append(escape(c).repeat(run));
            i += run;
        }
        if (piece.length() > 0 || quoted.length() == 0) {
            quoted.append('"').append(piece).append('"');
        }
        return quoted.toString();
    }

    private static boolean invisible(char c) {
        return c < 0x20 || c == 0x7f;
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            default -> invisible(c) ? String.format("\\x%02x", (int) c) : String.valueOf(c);
        };
    }

    /**
     * The testkit's own text for {@code key} (bundle {@code testkit}) in {@link #lang()}, with
     * {@code {0}}, {@code {1}}... replaced in one pass, so bytes a learner's program sent that look
     * like a placeholder are shown as they are.
     */
    static String text(String key, Object... args) {
        return Messages.of("testkit", lang()).get(key, args);
    }
}
