package io.socketlab.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs learner server code on its own thread with a ServerSocket already bound to 127.0.0.1 on an
 * ephemeral port, collects what it throws, and stops it cleanly: closing the listening socket
 * unblocks accept, then the runner waits a bounded time for every thread the server started.
 */
public final class ServerRunner implements AutoCloseable {
    /** The learner code under test: given a bound listening socket, it serves on it. */
    @FunctionalInterface
    public interface ServerBody {
        void serve(ServerSocket listening) throws Exception;
    }

    private static final AtomicInteger RUNS = new AtomicInteger();
    /** Runners not yet closed, so a client's failure message can say what the server threw. */
    private static final Set<ServerRunner> OPEN = ConcurrentHashMap.newKeySet();

    private final ServerSocket listening;
    private final Thread thread;
    private final ThreadGroup group;
    private final List<Throwable> failures = new ArrayList<>();
    private final Set<Thread> before;
    /** The test's thread, which started this runner. */
    private final Thread owner = Thread.currentThread();

    private ServerRunner(ServerSocket listening, ServerBody body) {
        this.listening = listening;
        this.before = ConcurrentHashMap.newKeySet();
        this.before.addAll(Thread.getAllStackTraces().keySet());
        int run = RUNS.incrementAndGet();
        this.group = new ThreadGroup("learner-server-" + run);
        this.thread = new Thread(group, () -> {
            try {
                body.serve(listening);
            } catch (Throwable t) {
                synchronized (failures) {
                    failures.add(t);
                }
                // Nobody will accept now: clients waiting in the backlog get a reset at once
                // instead of waiting out their timeout.
                RecordingClient.closeQuietly(listening);
            }
        }, "learner-server-" + run);
        this.thread.setDaemon(true);
        this.thread.setUncaughtExceptionHandler((t, e) -> {
            synchronized (failures) {
                failures.add(e);
            }
        });
    }

    /**
     * Binds a ServerSocket to 127.0.0.1 on port 0 (backlog 50) and starts {@code body} on it; under
     * the grader the socket is made beside the learner's code ({@link Sockets}).
     */
    public static ServerRunner start(ServerBody body) throws IOException {
        ServerSocket listening = Sockets.listening(50);
        ServerRunner runner = new ServerRunner(listening, body);
        OPEN.add(runner);
        runner.thread.start();
        return runner;
    }

    /** The port clients connect to; it accepts connections as soon as start returns. */
    public int port() {
        return listening.getLocalPort();
    }

    /** The listening socket the server was given. */
    public ServerSocket listening() {
        return listening;
    }

    /** Waits at most {@code millis} for the server method to return on its own; true when it did. */
    public boolean awaitReturn(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /** True while the server method has not returned. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** What the server code threw (including from threads it started in its own thread group). */
    public List<Throwable> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /**
     * Closes the listening socket, waits up to 5 s for the server thread and the threads it started,
     * and fails when any of them is still alive (a leaked thread would outlive the test).
     *
     * @throws AssertionError naming the threads left behind
     */
    public void stopAndAssertNoThreadLeft() throws InterruptedException {
        OPEN.remove(this);
        RecordingClient.closeQuietly(listening);
        long deadline = System.nanoTime() + 5_000_000_000L;
        // Look again after each round of joins: a thread the server started just before it
        // stopped (after the previous look) must be waited for as well, not reported as left.
        List<Thread> alive = aliveStarted();
        while (!alive.isEmpty() && deadline - System.nanoTime() > 0) {
            for (Thread t : alive) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left > 0) {
                    t.join(left);
                }
            }
            alive = aliveStarted();
        }
        List<String> names = new ArrayList<>();
        for (Thread t : alive) {
            names.add(t.getName());
            t.interrupt();
        }
        // the threads the learner's code started in its own process, when it runs in one
        names.addAll(Subject.threadsLeft(thread, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
        if (!names.isEmpty()) {
            throw new AssertionError(Say.text("server.threads-left", names));
        }
    }

    private List<Thread> aliveStarted() {
        List<Thread> alive = new ArrayList<>();
        if (thread.isAlive()) {
            alive.add(thread);
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != thread && !before.contains(t) && t.isAlive() && inGroup(t)) {
                alive.add(t);
            }
        }
        return alive;
    }

    private boolean inGroup(Thread t) {
        ThreadGroup g = t.getThreadGroup();
        while (g != null) {
            if (g == group) {
                return true;
            }
            g = g.getParent();
        }
        return false;
    }

    /**
     * One line per exception thrown so far by server code of runners this thread started and has
     * not closed, such as
     * {@code [server] threw UnsupportedOperationException: write this method (PhoneServer.java:18)}
     * ({@code [服务端] 抛出了 ...} in Chinese, see {@link Say}); empty when there is none. {@link RecordingClient} adds it to its failure messages.
     */
    static String openFailures() {
        StringBuilder text = new StringBuilder();
        for (ServerRunner runner : OPEN) {
            if (runner.owner != Thread.currentThread()) {
                continue;
            }
            for (Throwable t : runner.failures()) {
                text.append('\n').append(Say.text("server.threw", LearnerCode.typeName(t)));
                Throwable origin = LearnerCode.origin(t);
                if (origin != t) {
                    // ExceptionInInitializerError: what the static initializer threw
                    text.append(": ").append(LearnerCode.typeName(origin));
                }
                if (origin.getMessage() != null) {
                    text.append(": ").append(origin.getMessage());
                }
                StackTraceElement frame = LearnerCode.where(origin.getStackTrace());
                if (frame != null) {
                    String at = LearnerCode.place(frame);
                    text.append(Say.say(" (" + at + ")", "（位于 " + at + "）"));
                }
            }
        }
        return text.toString();
    }

    /**
     * One line per server of this thread's runners that is still running, saying where the
     * learner's code is: {@code [server] has not returned: it is at PhoneServer.java:25, waiting in
     * BufferedReader.readLine}, or busy at a line when it calls nothing (a loop that never ends).
     * A server that has returned is said to have left its connection open. Empty when this thread
     * has no server. {@link RecordingClient} adds it when it waited in vain.
     */
    static String openWhereabouts() {
        StringBuilder text = new StringBuilder();
        for (ServerRunner runner : OPEN) {
            if (runner.owner != Thread.currentThread() || !runner.failures().isEmpty()) {
                continue;
            }
            if (!runner.thread.isAlive()) {
                // the client waited in vain on a connection the server left open when it returned
                text.append('\n').append(Say.text("server.returned-open"));
                continue;
            }
            StackTraceElement[] remote = Subject.learnerStack(runner.thread);
            StackTraceElement[] stack = remote != null ? remote : runner.thread.getStackTrace();
            for (int i = 0; i < stack.length; i++) {
                if (LearnerCode.isExercise(stack[i])) {
                    String at = LearnerCode.place(stack[i]);
                    text.append('\n').append(i == 0 ? Say.text("server.busy", at)
                            : Say.text("server.waiting", at, shortName(stack[i - 1])));
                    break;
                }
            }
        }
        return text.toString();
    }

    /** {@code BufferedReader.readLine} for a frame of java.io.BufferedReader.readLine. */
    private static String shortName(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1).replace('$', '.') + "." + frame.getMethodName();
    }

    /** Closes the listening socket and waits briefly for the server thread, without asserting. */
    @Override
    public void close() throws InterruptedException {
        OPEN.remove(this);
        RecordingClient.closeQuietly(listening);
        // A server that behaves returns at once (its clients are closed by now); one stuck in a
        // loop would not return in any wait, and every test of a run would pay it.
        thread.join(500);
    }
}
