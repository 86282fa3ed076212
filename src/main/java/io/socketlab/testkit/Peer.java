package io.socketlab.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One end of the connection between the tests' JVM and the learner's: it sends requests and waits
 * for their replies, and serves the other end's requests, each on a thread of a pool that grows
 * as needed (a request may block, as a read of a test's stream does, without holding up the replies
 * behind it; a thread kept from the last request starts the next sooner than a new one would).
 * Frames are written by a thread of the peer's own: the connection is an interruptible channel,
 * which an interrupt landing on a writing thread would close for good, and tests interrupt the
 * threads that call the learner's code.
 */
final class Peer {
    /** Serves one request of the other end: its operation and arguments in, the reply's values out. */
    interface Handler {
        List<Object> serve(String op, List<Object> args) throws Throwable;
    }

    /** The other end ended (or broke the protocol) before it replied. */
    static final class Gone extends IOException {
        Gone(String why) {
            super(why);
        }
    }

    /** The other end's request failed: what it threw, as it crossed. */
    static final class Failed extends Exception {
        final Wire.Thrown thrown;

        Failed(Wire.Thrown thrown) {
            super(thrown.type() + ": " + thrown.message(), null, false, false);
            this.thrown = thrown;
        }
    }

    private static final int MAX_SERVING = 256;
    static final long INTERRUPT_GRACE_SECONDS = 10;

    private final InputStream in;
    private final OutputStream out;
    private final Handler handler;
    private final Map<Long, CompletableFuture<List<Object>>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Semaphore serving = new Semaphore(MAX_SERVING);
    private final ExecutorService writer;
    private final ExecutorService servers;
    private volatile String gone;

    Peer(InputStream in, OutputStream out, Handler handler, String name) {
        this.in = in;
        this.out = out;
        this.handler = handler;
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name + "-writer");
            thread.setDaemon(true);
            return thread;
        });
        this.servers = Executors.newCachedThreadPool(task -> new Serving(this, task, name + "-serve"));
        Thread reader = new Thread(this::read, name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends a request and waits for its reply's values. */
    List<Object> call(String op, Object... args) throws Gone, Failed, InterruptedException {
        return call(null, op, args);
    }

    /**
     * Sends a request and waits for its reply's values. When the waiting thread is interrupted,
     * {@code onInterrupt} passes the interrupt on to whatever serves the request, and the reply is
     * awaited {@link #INTERRUPT_GRACE_SECONDS} more: code that ends when interrupted ends as it
     * would on the caller's own thread. Without {@code onInterrupt}, or when the grace runs out,
     * the interrupt is thrown.
     */
    List<Object> call(Runnable onInterrupt, String op, Object... args) throws Gone, Failed, InterruptedException {
        long id = ids.incrementAndGet();
        CompletableFuture<List<Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            if (gone != null) {
                throw new Gone(gone);
            }
            List<Object> frame = new ArrayList<>(List.of("req", id, op));
            frame.addAll(java.util.Arrays.asList(args));
            try {
                write(frame);
            } catch (IOException e) {
                throw new Gone(gone != null ? gone : e.getMessage());
            }
            try {
                return reply.get();
            } catch (InterruptedException interrupted) {
                if (onInterrupt == null) {
                    throw interrupted;
                }
                onInterrupt.run();
                try {
                    return reply.get(INTERRUPT_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    throw interrupted;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Failed f) {
                throw f;
            }
            throw new Gone(String.valueOf(e.getCause().getMessage()));
        } finally {
            pending.remove(id);
        }
    }

    boolean isGone() {
        return gone != null;
    }

    private void read() {
        try {
            while (true) {
                List<Object> frame = Wire.readFrame(in);
                if (frame.size() < 2 || !(frame.get(0) instanceof String kind) || !(frame.get(1) instanceof Long id)) {
                    throw new IOException("a frame without a kind and an id");
                }
                switch (kind) {
                    case "req" -> serve(id, frame);
                    case "ok" -> complete(id, frame.subList(2, frame.size()), null);
                    case "err" -> complete(id, null, frame.size() > 2 && frame.get(2) instanceof Wire.Thrown t ? t
                            : new Wire.Thrown("java.io.IOException", "a failure without an exception", new StackTraceElement[0], null));
                    default -> throw new IOException("a frame of kind " + kind);
                }
            }
        } catch (IOException | RuntimeException e) {
            end(e instanceof java.io.EOFException ? "the connection closed" : String.valueOf(e.getMessage()));
        }
    }

    private void complete(long id, List<Object> values, Wire.Thrown thrown) {
        CompletableFuture<List<Object>> reply = pending.get(id);
        if (reply == null) {
            return; // a reply to nothing asked, or to a request whose caller stopped waiting
        }
        if (thrown != null) {
            reply.completeExceptionally(new Failed(thrown));
        } else {
            reply.complete(new ArrayList<>(values));
        }
    }

    private void serve(long id, List<Object> frame) throws IOException {
        if (frame.size() < 3 || !(frame.get(2) instanceof String op)) {
            throw new IOException("a request without an operation");
        }
        List<Object> args = new ArrayList<>(frame.subList(3, frame.size()));
        if (!serving.tryAcquire()) {
            send(List.of("err", id, Wire.Thrown.of(new IOException("more than " + MAX_SERVING + " requests at once"))));
            return;
        }
        try {
            servers.execute(() -> {
                try {
                    List<Object> reply = new ArrayList<>(List.of("ok", id));
                    reply.addAll(handler.serve(op, args));
                    send(reply);
                } catch (Throwable t) {
                    send(List.of("err", id, Wire.Thrown.of(t)));
                } finally {
                    serving.release();
                }
            });
        } catch (RejectedExecutionException ended) {
            serving.release();
            throw new IOException(gone != null ? gone : "the connection closed");
        }
    }

    /** A thread of the pool that serves the other end's requests: no test interrupts it, so it writes its replies itself. */
    private static final class Serving extends Thread {
        final Peer peer;

        Serving(Peer peer, Runnable task, String name) {
            super(task, name);
            this.peer = peer;
            setDaemon(true);
        }
    }

    /**
     * Writes {@code frame} on the writer's thread and waits for it, through interrupts: an
     * interrupt meanwhile is kept for the caller, set again once the frame is out.
     */
    private void write(List<Object> frame) throws IOException {
        if (Thread.currentThread() instanceof Serving own && own.peer == this && !own.isInterrupted()) {
            Wire.writeFrame(out, frame); // one hand-over less for each reply
            return;
        }
        Future<?> written;
        try {
            written = writer.submit(() -> {
                Wire.writeFrame(out, frame);
                return null;
            });
        } catch (RejectedExecutionException ended) {
            throw new IOException(gone != null ? gone : "the connection closed");
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    written.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (Error) e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void send(List<Object> frame) {
        try {
            write(frame);
        } catch (IllegalArgumentException e) {
            // the reply's value cannot cross: the request fails with what was wrong with it
            send(List.of("err", frame.get(1), Wire.Thrown.of(e)));
        } catch (IOException e) {
            end(e.getMessage());
        }
    }

    /** Fails every request still waiting; later ones fail at once. */
    void end(String why) {
        if (gone == null) {
            gone = why;
        }
        for (CompletableFuture<List<Object>> reply : pending.values()) {
            reply.completeExceptionally(new Gone(why));
        }
        writer.shutdown();
        servers.shutdown();
        try {
            in.close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
