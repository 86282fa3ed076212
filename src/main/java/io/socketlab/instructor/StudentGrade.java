package io.socketlab.instructor;

import io.socketlab.grade.CheckResult;

/**
 * One student's grade in a batch.
 *
 * @param student the submission folder's name
 * @param result the check of their code against the course's visible and hidden tests
 * @param maxPoints the exercise's points
 * @param durationMs wall-clock time spent on this submission
 */
public record StudentGrade(String student, CheckResult result, int maxPoints, long durationMs) {
    /** Points earned, scaled to the exercise's points; zero when nothing could be judged. */
    public double points() {
        double max = result.maxPoints();
        return max > 0 ? result.points() * maxPoints / max : 0;
    }

    public String status() {
        return result.status();
    }
}
