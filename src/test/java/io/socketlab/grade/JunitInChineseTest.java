package io.socketlab.grade;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JunitInChineseTest {

    private static String said(Executable failing) {
        Throwable failure = assertThrows(Throwable.class, failing);
        return JunitInChinese.translate(failure, failure.getMessage());
    }

    @Test
    void expectedButWasKeepsTheAuthorsTextAndTheValues() {
        assertEquals("服务端应回复大写 ==> 期望：<HELLO>，实际：<hello>",
                said(() -> assertEquals("HELLO", "hello", "服务端应回复大写")));
        assertEquals("期望：<true>，实际：<false>", said(() -> assertTrue(false)));
        assertEquals("期望：<null>，实际：<x>", said(() -> assertNull("x")));
    }

    @Test
    void valuesThatLookLikeJunitsWordsAreLeftAlone() {
        assertEquals("期望：<expected: <a> but was: <b>>，实际：<b>",
                said(() -> assertEquals("expected: <a> but was: <b>", "b")));
    }

    @Test
    void notEqualNothingThrownAndWrongTypeThrown() {
        assertEquals("期望两者不相等，实际都是：<7>", said(() -> assertNotEquals(7, 7)));
        assertEquals("期望抛出 java.io.IOException，但没有抛出任何异常。",
                said(() -> assertThrows(IOException.class, () -> { })));
        String wrongType = said(() -> assertThrows(IOException.class, () -> {
            throw new IllegalStateException("boom");
        }));
        assertTrue(wrongType.startsWith("抛出的异常类型不对，"), wrongType);
        assertTrue(!wrongType.contains("expected:"), wrongType);
    }

    @Test
    void timeOuts() {
        assertEquals("执行超时：运行超过了 10 毫秒",
                said(() -> assertTimeoutPreemptively(Duration.ofMillis(10), () -> Thread.sleep(5_000))));
        // what @Timeout makes JUnit say
        assertEquals("upperCases() 超时：运行超过了 10 秒", JunitInChinese.translate(new TimeoutException(),
                "upperCases() timed out after 10 seconds"));
    }

    @Test
    void otherMessagesStayAsTheyAre() {
        assertEquals("[client] sent \"hi\"", JunitInChinese.translate(new AssertionError("x"), "[client] sent \"hi\""));
    }
}
