package io.socketlab.instructor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The one pool that grades students, validates exercises and checks starters a few at a time. */
final class ParallelJobs {
    /** One job on one item; it reports its own failures in what it returns. */
    @FunctionalInterface
    interface Job<T, R> {
        R run(T item) throws Exception;
    }

    private ParallelJobs() {
    }

    /**
     * Runs {@code job} on every item, at most {@code threads} at once, and returns the results in
     * the items' order. A job that throws is a bug of ours, not of the code being judged: it stops
     * the whole run as an {@link IllegalStateException} naming {@code what} crashed.
     */
    static <T, R> List<R> map(List<T> items, int threads, String what, Job<T, R> job) throws InterruptedException {
        if (items.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
        try {
            List<Future<R>> pending = new ArrayList<>();
            for (T item : items) {
                pending.add(pool.submit(() -> job.run(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : pending) {
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(what + " crashed", e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
