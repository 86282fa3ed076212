package io.socketlab.instructor;

import io.socketlab.grade.ExerciseChecker;
import io.socketlab.grade.Sandbox;
import io.socketlab.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The checkers of a batch's workers, one per worker at most: each keeps its JVM for the course's
 * tests warm from one job to the next (the learner's code runs in a process of its own, never in
 * it), so a batch loads JUnit once per worker instead of once per job. {@link #close()} ends them.
 */
final class WarmCheckers implements AutoCloseable {
    private final Lang lang;
    private final Sandbox sandbox;
    private final ConcurrentLinkedQueue<ExerciseChecker> idle = new ConcurrentLinkedQueue<>();
    private final List<ExerciseChecker> all = new ArrayList<>();

    WarmCheckers(Lang lang, Sandbox sandbox) {
        this.lang = lang;
        this.sandbox = sandbox;
    }

    /** Runs {@code job} with a checker no other worker uses meanwhile. */
    <R> R with(ParallelJobs.Job<ExerciseChecker, R> job) throws Exception {
        ExerciseChecker checker = idle.poll();
        if (checker == null) {
            checker = new ExerciseChecker(lang, sandbox, true);
            synchronized (all) {
                all.add(checker);
            }
        }
        try {
            return job.run(checker);
        } finally {
            idle.add(checker);
        }
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(ExerciseChecker::close);
            all.clear();
        }
        idle.clear();
    }
}
