package io.socketlab.testkit;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts the grader's child processes from one thread that lives as long as this JVM. bubblewrap's
 * {@code --die-with-parent} ends a sandbox when the thread that started it ends, not the process:
 * a sandbox started from a test's own thread would die with that test.
 */
public final class Processes {
    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "socketlab-process-starter");
        thread.setDaemon(true);
        return thread;
    });

    private Processes() {
    }

    /** {@code builder.start()}, run on the starting thread. */
    public static Process start(ProcessBuilder builder) throws IOException {
        Future<Process> started = STARTER.submit(builder::start);
        try {
            return started.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.cancel(false);
            throw new java.io.InterruptedIOException("interrupted while starting a process");
        }
    }
}
