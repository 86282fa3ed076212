package io.socketlab.grade;

import io.socketlab.i18n.Lang;
import io.socketlab.testkit.LearnerCode;
import io.socketlab.testkit.Say;

/**
 * A failed test's message as the learner reads it: what was thrown and where in their code, JUnit's
 * values escaped when they hold unprintable bytes, and its "expected: <true> but was: <false>" left out
 * where the author's own words say more, JUnit's own words in Chinese for a Chinese run. Used in
 * the child JVM that runs the tests.
 */
final class FailureText {
    private FailureText() {
    }

    /** What a test that threw {@code failure} says to the learner. */
    static String explain(Throwable failure) {
        String message = withoutTrueButFalse(failure, failure.getMessage());
        String kind = LearnerCode.typeName(failure);
        Throwable origin = LearnerCode.origin(failure);
        if (origin != failure) {
            // ExceptionInInitializerError has no message: say what the static initializer threw, and where
            return kind + ": " + explain(origin);
        }
        String escaped = escaped(failure);
        if (!escaped.isEmpty() && hasUnprintable(failure)) {
            // NUL bytes or escape codes would reach the terminal raw (or make grep call the report
            // binary); the line with escapes shows the same values
            message = withoutJunitValues(failure, message);
        }
        if (message != null && !message.isEmpty() && Say.lang() == Lang.ZH) {
            message = JunitInChinese.translate(failure, message);
        }
        if (failure instanceof AssertionError) {
            if (message == null || message.isEmpty()) {
                return escaped.isEmpty() ? kind : escaped.strip() + thrownAt(failure);
            }
            return message + escaped + thrownAt(failure);
        }
        StringBuilder text = new StringBuilder(kind);
        if (message != null) {
            text.append(": ").append(message);
        }
        if (failure instanceof NoClassDefFoundError && message != null && message.startsWith("Could not initialize class ")) {
            // the JVM runs a static initializer once: after it threw, each use of the class says only this
            text.append(Say.say(" (its static initializer threw in an earlier test, which shows why)",
                    "（它的静态初始化在前面的测试里已经抛出异常，原因见那个测试）"));
        }
        StackTraceElement at = LearnerCode.where(failure.getStackTrace());
        if (at != null) {
            String place = LearnerCode.place(at);
            text.append(Say.say(" (at " + place + ")", "（位于 " + place + "）"));
        } else if (failure instanceof java.util.concurrent.TimeoutException && failure.getCause() != null) {
            // @Timeout in a separate thread keeps that thread's stack as the cause: where the code was stuck
            StackTraceElement running = LearnerCode.where(failure.getCause().getStackTrace());
            if (running != null) {
                String place = LearnerCode.place(running);
                text.append(Say.say(" (still running at " + place + " when the time was up)", "（时间到时还在 " + place + " 运行）"));
            }
        }
        return text.toString();
    }

    /**
     * Where the exception JUnit's {@code assertThrows} or {@code assertDoesNotThrow} got was thrown in
     * the learner's code: the failure names the exception but not its line.
     */
    private static String thrownAt(Throwable failure) {
        if (!(failure instanceof org.opentest4j.AssertionFailedError) || failure.getCause() == null
                || failure.getCause().getClass().getSimpleName().equals("ExecutionTimeoutException")) {
            return "";
        }
        StackTraceElement at = LearnerCode.where(failure.getCause().getStackTrace());
        if (at == null) {
            return "";
        }
        String place = LearnerCode.place(at);
        return Say.say(" (thrown at " + place + ")", "（抛出位置：" + place + "）");
    }

    /**
     * The author's message of an {@code assertTrue} or {@code assertFalse} without JUnit's
     * {@code ==> expected: <true> but was: <false>}, which says nothing more and would end up glued
     * to the last line of a network log.
     */
    private static String withoutTrueButFalse(Throwable failure, String message) {
        if (!(failure instanceof org.opentest4j.AssertionFailedError junit) || !junit.isExpectedDefined() || !junit.isActualDefined()) {
            return message;
        }
        Object expected = junit.getExpected().getValue();
        Object actual = junit.getActual().getValue();
        boolean truth = expected instanceof Boolean && actual instanceof Boolean && !expected.equals(actual);
        String author = authorsPart(junit, message);
        return truth && author != null && !author.isEmpty() ? author : message;
    }

    /**
     * What the test's author wrote before JUnit's {@code ==> expected: <…> but was: <…>}: empty when
     * the message is JUnit's values alone, null when it does not end with them.
     */
    private static String authorsPart(org.opentest4j.AssertionFailedError junit, String message) {
        String values = "expected: <" + junit.getExpected().getStringRepresentation() + "> but was: <"
                + junit.getActual().getStringRepresentation() + ">";
        if (message == null || !message.endsWith(values)) {
            return null;
        }
        String author = message.substring(0, message.length() - values.length());
        return author.endsWith(" ==> ") ? author.substring(0, author.length() - " ==> ".length()) : author.strip();
    }

    /**
     * For values with invisible characters (a line break, a NUL byte), the same values written
     * with escapes on a line of their own: {@code <hello} and {@code >} on the next line does not
     * show that a newline was sent, {@code "hello\n"} does.
     */
    private static String escaped(Throwable failure) {
        if (!(failure instanceof org.opentest4j.AssertionFailedError junit) || !junit.isExpectedDefined() || !junit.isActualDefined()) {
            return "";
        }
        String expected = junit.getExpected().getStringRepresentation();
        String actual = junit.getActual().getStringRepresentation();
        if (!hasControl(expected + actual, true)) {
            return "";
        }
        return Say.say("\n(with escapes: expected " + Say.quote(expected) + ", actual " + Say.quote(actual) + ")",
                "\n（转义后：期望 " + Say.quote(expected) + "，实际 " + Say.quote(actual) + "）");
    }

    /** Whether JUnit's values hold a character other than a line break or tab that is not printable. */
    private static boolean hasUnprintable(Throwable failure) {
        org.opentest4j.AssertionFailedError junit = (org.opentest4j.AssertionFailedError) failure;
        return hasControl(junit.getExpected().getStringRepresentation() + junit.getActual().getStringRepresentation(), false);
    }

    /** The author's part of {@code message}, without JUnit's {@code expected: <…> but was: <…>}. */
    private static String withoutJunitValues(Throwable failure, String message) {
        String author = authorsPart((org.opentest4j.AssertionFailedError) failure, message);
        return author != null ? author : message;
    }

    /** Whether {@code text} holds a control character; line breaks and tabs count only {@code withLineBreaks}. */
    private static boolean hasControl(String text, boolean withLineBreaks) {
        return text.chars().anyMatch(c -> (c < 0x20 && (withLineBreaks || (c != '\n' && c != '\r' && c != '\t'))) || c == 0x7f);
    }

}
