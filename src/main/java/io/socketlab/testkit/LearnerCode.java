package io.socketlab.testkit;

/**
 * Where in the learner's code something happened, for failure messages: the grader's own (an
 * exception a test ended with) and the testkit's (what a server under {@link ServerRunner} threw,
 * or where it is stuck). The course's code lives in packages {@code exercise.*}.
 */
public final class LearnerCode {
    private LearnerCode() {
    }

    /** True for a frame of the course's exercise code that names its source file. */
    public static boolean isExercise(StackTraceElement frame) {
        return frame.getClassName().startsWith("exercise.") && frame.getFileName() != null;
    }

    /**
     * The line to point the learner at: the first in their own code, else the first in a visible
     * test; never one in a hidden test, whose code the learner does not have. Null when none.
     */
    public static StackTraceElement where(StackTraceElement[] stack) {
        StackTraceElement test = null;
        for (StackTraceElement frame : stack) {
            if (!isExercise(frame) || frame.getFileName().contains("Hidden")) {
                continue;
            }
            if (!frame.getFileName().endsWith("Test.java")) {
                return frame;
            }
            if (test == null) {
                test = frame;
            }
        }
        return test;
    }

    /**
     * The exception to tell the learner about: for an {@link ExceptionInInitializerError}, which
     * has no message of its own, the exception their static initializer threw; else {@code t}.
     */
    public static Throwable origin(Throwable t) {
        return t instanceof ExceptionInInitializerError && t.getCause() != null ? t.getCause() : t;
    }

    /** {@code PhoneServer.java:18} for a frame. */
    public static String place(StackTraceElement frame) {
        return frame.getFileName() + ":" + frame.getLineNumber();
    }
}
