package io.socketlab.grade;

/**
 * The verdict on one test.
 *
 * @param status {@code pass} or {@code fail}
 * @param message what went wrong, written for the learner; empty when it passed
 */
public record TestResult(String name, String status, double points, double maxPoints, String message, String output) {
    public boolean passed() {
        return "pass".equals(status);
    }
}
