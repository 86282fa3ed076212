package io.socketlab.grade;

import java.util.List;

/**
 * The verdict on one exercise run.
 *
 * @param status {@code pass} (every test passed), {@code fail} (some failed) or {@code error}
 *     (nothing could be judged: compile error, time limit, no tests, the JVM ended early)
 * @param message one plain sentence saying what happened
 * @param output the learner's program output, capped, or the compiler's errors
 * @param compileFailed true when {@code output} holds compiler errors, not program output
 */
public record CheckResult(String status, String message, List<TestResult> tests, String output, boolean compileFailed) {
    public boolean passed() {
        return "pass".equals(status);
    }

    public double points() {
        return tests.stream().mapToDouble(TestResult::points).sum();
    }

    public double maxPoints() {
        return tests.stream().mapToDouble(TestResult::maxPoints).sum();
    }
}
