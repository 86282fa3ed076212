package exercise.selector_echo;

import static io.socketlab.testkit.Say.say;

import io.socketlab.testkit.LearnerThreads;
import io.socketlab.testkit.Sockets;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs the learner's {@code SelectorEchoServer.serve} on a thread of its own with a listening
 * channel bound to 127.0.0.1, port 0, made where the learner's code runs ({@link Sockets}).
 * Accepted sockets inherit small buffers from it (64 KiB), so a client that stops reading fills
 * them after a few hundred KiB, not after megabytes. Interrupting the thread interrupts serve.
 */
final class SelectorRunner implements AutoCloseable {
    static final int SOCKET_BUFFER = 64 * 1024;

    private final ServerSocketChannel listening;
    private final Thread thread;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private SelectorRunner() throws IOException {
        listening = Sockets.listeningChannel(512, SOCKET_BUFFER);
        thread = new Thread(() -> {
            try {
                SelectorEchoServer.serve(listening);
            } catch (Throwable e) {
                failures.add(e);
            }
        }, "learner-selector-server");
        thread.setDaemon(true);
        thread.start();
    }

    static SelectorRunner start() throws IOException {
        return new SelectorRunner();
    }

    int port() {
        return listening.socket().getLocalPort();
    }

    /** CPU time the server's thread has used so far, in nanoseconds. */
    long cpuNanos() throws IOException {
        return LearnerThreads.cpuNanos(thread);
    }

    /** True once serve has returned or thrown. */
    boolean hasEnded() {
        return !thread.isAlive();
    }

    /** What serve threw, if it threw. */
    List<Throwable> failures() {
        return failures;
    }

    /** Interrupts the server's thread and waits up to {@code millis} for serve to return; true when it did. */
    boolean interruptAndAwaitReturn(long millis) throws InterruptedException {
        thread.interrupt();
        thread.join(millis);
        return !thread.isAlive();
    }

    /** A failure message ending with what serve threw, when it threw. */
    String withFailures(String message) {
        if (failures.isEmpty()) {
            return message;
        }
        Throwable first = failures.get(0);
        return message + "\n" + say("serve threw ", "serve 抛出了 ") + first;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
        listening.close();
    }
}
