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

    /**
     * Where the learner's code that {@code caller} runs is now: under the grader, the stack of the
     * call's thread in the learner's process (empty once the call has returned); under plain Maven
     * or an IDE, {@code caller}'s own stack. A test that looks for a frame (a read with a timeout,
     * say) must look here: under the grader, {@code caller} itself only waits for the reply.
     */
    public static StackTraceElement[] stack(Thread caller) {
        if (Subject.current() == null) {
            return caller.getStackTrace();
        }
        StackTraceElement[] remote = Subject.learnerStack(caller);
        return remote == null ? new StackTraceElement[0] : remote;
    }
}
