package io.socketlab.grade;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit's own words in a failure message, said in Chinese for a Chinese-speaking learner: the
 * exercise author's text before {@code ==>} is already in the learner's language (see
 * {@link io.socketlab.testkit.Say}), but JUnit appends {@code expected: <a> but was: <b>}
 * and the like in English. Only the forms written below are changed; anything else is left as
 * JUnit wrote it, since a half-translated value would mislead more than English does.
 */
final class JunitInChinese {
    private static final String NOT_EQUAL = "expected: not equal but was: <";
    private static final Pattern NOTHING_THROWN =
            Pattern.compile("Expected (\\S+) to be thrown, but nothing was thrown\\.");
    private static final Pattern WRONG_TYPE_THROWN = Pattern.compile("Unexpected exception type thrown, ");
    /** {@code @Timeout} says "upperCases() timed out after 10 seconds", assertTimeout "execution timed out after 10 ms". */
    private static final Pattern TIMED_OUT = Pattern.compile("(\\S+) timed out after (\\d+) (seconds?|ms|milliseconds?)\\b");
    /** Where JUnit's value is not the message's text (a class is shown by its name). */
    private static final Pattern EXPECTED_BUT_WAS = Pattern.compile("(?s)expected: <(.*?)> but was: <(.*)>\\z");

    private JunitInChinese() {
    }

    /** {@code message} of {@code failure}, with JUnit's English phrases put in Chinese. */
    static String translate(Throwable failure, String message) {
        String text = message;
        if (failure instanceof AssertionFailedError junit && junit.isExpectedDefined() && junit.isActualDefined()) {
            String expected = junit.getExpected().getStringRepresentation();
            String actual = junit.getActual().getStringRepresentation();
            String tail = "expected: <" + expected + "> but was: <" + actual + ">";
            if (text.endsWith(tail)) {
                text = text.substring(0, text.length() - tail.length())
                        + "期望：<" + expected + ">，实际：<" + actual + ">";
            } else {
                text = EXPECTED_BUT_WAS.matcher(text).replaceFirst("期望：<$1>，实际：<$2>");
            }
        }
        int notEqual = text.lastIndexOf(NOT_EQUAL);
        if (notEqual >= 0 && text.endsWith(">")) {
            text = text.substring(0, notEqual) + "期望两者不相等，实际都是：<" + text.substring(notEqual + NOT_EQUAL.length());
        }
        text = WRONG_TYPE_THROWN.matcher(text).replaceFirst("抛出的异常类型不对，");
        Matcher nothing = NOTHING_THROWN.matcher(text);
        if (nothing.find()) {
            text = nothing.replaceFirst(Matcher.quoteReplacement("期望抛出 " + nothing.group(1) + "，但没有抛出任何异常。"));
        }
        Matcher timedOut = TIMED_OUT.matcher(text);
        if (timedOut.find()) {
            String unit = timedOut.group(3).startsWith("second") ? " 秒" : " 毫秒";
            // "execution" is JUnit's word (assertTimeout), a name such as upperCases() is the test's
            String what = timedOut.group(1).equals("execution") ? "执行" : timedOut.group(1) + " ";
            text = timedOut.replaceFirst(Matcher.quoteReplacement(what + "超时：运行超过了 " + timedOut.group(2) + unit));
        }
        return text;
    }
}
