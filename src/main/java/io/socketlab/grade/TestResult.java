package io.socketlab.grade;

/**
 * The verdict on one test.
 *
 * @param status {@code pass} or {@code fail}
 * @param message what went wrong, written for the learner; empty when it passed
 * @param hidden true when the test's class was compiled from the exercise's {@code hidden/} folder
 *     (decided by where its source file was, never by its name)
 */
public record TestResult(String name, String status, double points, double maxPoints, String message, String output,
        boolean hidden) {
    public boolean passed() {
        return "pass".equals(status);
    }
}
