package io.socketlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.i18n.Lang;
import java.net.Socket;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SayTest {

    /** Runs {@code body} with socketlab.lang set to {@code lang} (cleared when null), then restores it. */
    static <T> T withLang(String lang, Callable<T> body) throws Exception {
        String saved = System.getProperty(Say.PROPERTY);
        try {
            if (lang == null) {
                System.clearProperty(Say.PROPERTY);
            } else {
                System.setProperty(Say.PROPERTY, lang);
            }
            return body.call();
        } finally {
            if (saved == null) {
                System.clearProperty(Say.PROPERTY);
            } else {
                System.setProperty(Say.PROPERTY, saved);
            }
        }
    }

    @Test
    void englishUnlessTheGraderAsksForChinese() throws Exception {
        assertEquals("hi", withLang(null, () -> Say.say("hi", "你好")));
        assertEquals(Lang.EN, withLang(null, Say::lang));
        assertEquals("hi", withLang("en", () -> Say.say("hi", "你好")));
        assertEquals("hi", withLang("fr", () -> Say.say("hi", "你好")));
        assertEquals("你好", withLang("zh", () -> Say.say("hi", "你好")));
        assertEquals("你好", withLang("zh_CN", () -> Say.say("hi", "你好")));
        assertEquals(Lang.ZH, withLang("zh", Say::lang));
    }

    @Test
    void bytesThatLookLikeAPlaceholderAreShownAsSent() throws Exception {
        assertEquals("[client] sent \"{1}\" (3 bytes)", withLang(null, () -> Say.text("client.sent", "\"{1}\"", Say.bytes(3))));
        assertEquals("[客户端] 发送了 \"{1}\"（3 字节）", withLang("zh", () -> Say.text("client.sent", "\"{1}\"", Say.bytes(3))));
    }

    @Test
    void oneByteIsSingular() throws Exception {
        assertEquals("1 byte", withLang(null, () -> Say.bytes(1)));
        assertEquals("0 bytes", withLang(null, () -> Say.bytes(0)));
        assertEquals("1024 bytes", withLang(null, () -> Say.bytes(1024)));
        assertEquals("1 字节", withLang("zh", () -> Say.bytes(1)));
        assertEquals("2 字节", withLang("zh", () -> Say.bytes(2)));
    }

    @Test
    void recordingClientLogsAndFailsInChineseWhenAsked() throws Exception {
        AssertionError chinese = withLang("zh", SayTest::replyThatNeverComes);
        String message = chinese.getMessage();
        assertTrue(message.startsWith("期望收到 \"HELLO\"，但连接关闭前什么也没收到\n"), message);
        assertTrue(message.contains("[客户端] 已连接到 127.0.0.1:"), message);
        assertTrue(message.contains("[客户端] 发送了 \"hello\"（5 字节）"), message);
        assertTrue(message.contains("[客户端] 什么也没收到"), message);
        assertFalse(message.contains("[client]"), message);

        AssertionError english = withLang(null, SayTest::replyThatNeverComes);
        message = english.getMessage();
        assertTrue(message.startsWith("expected \"HELLO\" but received nothing before the connection closed\n"), message);
        assertTrue(message.contains("[client] sent \"hello\" (5 bytes)"), message);
        assertFalse(message.contains("客户端"), message);
    }

    @Test
    void serverFailuresAreTaggedInChineseWhenAsked() throws Exception {
        String message = withLang("zh", () -> {
            try (ServerRunner server = ServerRunner.start(listening -> {
                throw new UnsupportedOperationException("write this method");
            })) {
                assertTrue(server.awaitReturn(2000));
                return assertThrows(AssertionError.class, () -> RecordingClient.connect(server.port()).close()).getMessage();
            }
        });
        assertTrue(message.startsWith("127.0.0.1:"), message);
        assertTrue(message.contains("你的服务端代码抛出了异常，不再接受连接（见下面的 [服务端]）"), message);
        assertTrue(message.contains("\n[服务端] 抛出了 UnsupportedOperationException: write this method"), message);
    }

    @Test
    void aLongRunOfInvisibleBytesIsCountedNotSpelledOut() {
        // a reply decoded from a whole 1024-byte buffer: the 1019 NULs after "HELLO" are one short phrase
        String whole = "HELLO" + "\0".repeat(1019);
        assertEquals("\"HELLO\" + \"\\x00\" * 1019", Say.quote(whole));
        assertEquals("\"\\x00\" * 20 + \"ab\"", Say.quote("\0".repeat(20) + "ab"));
        assertEquals("\"\\r\\n\" + \"\\x00\" * 16", Say.quote("\r\n" + "\0".repeat(16)));
        // short runs stay as they were, and visible characters are never counted
        assertEquals("\"01" + "\\x00".repeat(8) + "\"", Say.quote("01" + "\0".repeat(8)));
        assertEquals("\"" + "a".repeat(40) + "\"", Say.quote("a".repeat(40)));
    }

    /** A server that hears the message and hangs up without replying; the client's expectReply fails. */
    private static AssertionError replyThatNeverComes() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> {
            try (Socket call = listening.accept()) {
                call.getInputStream().readNBytes(5);  // read all, so the close is a FIN, not a reset
            }
        });
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hello");
            return assertThrows(AssertionError.class, () -> client.expectReply("HELLO"));
        }
    }
}
