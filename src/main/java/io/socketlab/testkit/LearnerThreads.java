package io.socketlab.testkit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** What the learner's code costs while a test's thread runs it, wherever that code runs. */
public final class LearnerThreads {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LearnerThreads() {
    }

    /**
     * CPU time in nanoseconds used so far by the learner's call {@code caller} is making: under
     * the grader, by the call's thread in the learner's process and the threads it started that
     * are still alive; under plain Maven or an IDE, by {@code caller} itself.
     */
    public static long cpuNanos(Thread caller) throws IOException {
        Subject subject = Subject.current();
        if (subject == null) {
            return THREADS.getThreadCpuTime(caller.getId());
        }
        return subject.cpuNanos(caller);
    }
}
