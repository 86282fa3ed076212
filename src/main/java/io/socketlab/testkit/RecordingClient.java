package io.socketlab.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A TCP test client that connects to 127.0.0.1 with bounded retries, puts a timeout on every
 * blocking call and records each step in a log a test can print in its failure message, the way a
 * good tester explains what happened: {@code [client] sent "hello" (5 bytes)}. Its expecting
 * methods never let a test pass on nothing received. Log lines and failure messages are in the
 * learner's language ({@link Say#lang()}): {@code [客户端] 发送了 "hello"（5 字节）}.
 */
public final class RecordingClient implements AutoCloseable {
    private static final long CONNECT_DEADLINE_NANOS = 5_000_000_000L;
    private static final int CONNECT_ATTEMPT_TIMEOUT_MS = 200;

    /** How long a read waits for the server by default. */
    public static final int DEFAULT_REPLY_TIMEOUT_MS = 5000;
    /** A read waits in slices this long, looking between them whether the server code has thrown. */
    private static final int READ_SLICE_MS = 100;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int replyTimeoutMs;
    private final List<String> log;

    private RecordingClient(Socket socket, int replyTimeoutMs, List<String> log) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.replyTimeoutMs = replyTimeoutMs;
        this.log = log;
    }

    /**
     * Connects to 127.0.0.1:{@code port}, retrying a refused connection for at most 5 seconds with a
     * growing back-off (a learner's program may not be listening yet); every later read waits at
     * most 5 seconds, long enough for correct code that prints a lot on a busy machine, and stops
     * waiting as soon as server code this test runs under a {@link ServerRunner} has thrown. It
     * stops retrying the connect then too.
     *
     * @throws AssertionError with the log when no connection could be made
     */
    public static RecordingClient connect(int port) {
        return connect(port, DEFAULT_REPLY_TIMEOUT_MS);
    }

    /** Like {@link #connect(int)}, with reads waiting at most {@code replyTimeoutMs}. */
    public static RecordingClient connect(int port, int replyTimeoutMs) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        IOException last = null;
        long deadline = System.nanoTime() + CONNECT_DEADLINE_NANOS;
        long backoffNanos = 1_000_000L;
        for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_ATTEMPT_TIMEOUT_MS);
                socket.setSoTimeout(replyTimeoutMs);
                log.add(attempt > 1 ? Say.text("client.connected-after", port, attempt) : Say.text("client.connected", port));
                return new RecordingClient(socket, replyTimeoutMs, log);
            } catch (ConnectException | SocketTimeoutException e) {
                last = e;
                closeQuietly(socket);
                if (!ServerRunner.openFailures().isEmpty()) {
                    break;  // the server code under test threw: nobody will ever listen here
                }
                // A refused connect returns at once: back off before probing again rather than spin.
                java.util.concurrent.locks.LockSupport.parkNanos(backoffNanos);
                backoffNanos = Math.min(backoffNanos * 2, 100_000_000L);
            } catch (IOException e) {
                closeQuietly(socket);
                last = e;
                break;
            }
        }
        log.add(Say.text("client.connect-failed", port, last));
        String thrown = ServerRunner.openFailures();
        String headline = Say.text(thrown.isEmpty() ? "fail.nobody-accepted" : "fail.nobody-accepted-threw", port);
        throw new AssertionError(headline + "\n" + String.join("\n", log) + thrown);
    }

    /** Sends {@code text} as UTF-8 and logs it. */
    public RecordingClient send(String text) {
        return sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the bytes in one write and logs them (as text, with the byte count). */
    public RecordingClient sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            log.add(Say.text("client.sent", quote(bytes, bytes.length), Say.bytes(bytes.length)));
        } catch (IOException e) {
            log.add(Say.text("client.send-failed", quote(bytes, bytes.length), e.getMessage()));
            throw failure(Say.text("fail.send", e.getMessage()));
        }
        return this;
    }

    /** Half-closes the connection: the server reads end-of-stream, and can still reply. */
    public RecordingClient shutdownOutput() {
        try {
            socket.shutdownOutput();
            log.add(Say.text("client.shut-down-output"));
        } catch (IOException e) {
            throw failure(Say.text("fail.shutdown-output", e.getMessage()));
        }
        return this;
    }

    /** Aborts the connection with a reset (RST) instead of a normal close, like a vanished peer. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            log.add(Say.text("client.reset"));
        } catch (IOException e) {
            log.add(Say.text("client.reset-failed", e.getMessage()));
        }
        closeQuietly(socket);
    }

    /**
     * Reads whatever arrives in one read (at least one byte) and returns it as UTF-8.
     *
     * @throws AssertionError with the log when nothing arrived before the timeout or the close
     */
    public String expectSomeReply() {
        byte[] buffer = new byte[65536];
        try {
            int n = read(buffer, 0, buffer.length);
            if (n < 0) {
                log.add(Say.text("client.nothing-before-close"));
                throw failure(Say.text("fail.closed-without-reply"));
            }
            log.add(Say.text("client.received", quote(buffer, n), Say.bytes(n)));
            return new String(buffer, 0, n, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw waitedInVain(e, Say.text("client.no-reply", seconds()), Say.text("fail.no-reply", seconds()),
                    Say.text("fail.no-reply-short"));
        } catch (IOException e) {
            log.add(Say.text("client.read-failed", e.getMessage()));
            throw failure(Say.text("fail.reading-reply", e.getMessage()));
        }
    }

    /**
     * Waits {@code millis} for bytes that should not come yet (a reply to half a character, say)
     * and fails as soon as any arrive; nothing arriving is the pass, so the wait is the test.
     *
     * @throws AssertionError with the log when bytes arrive, or the connection ends, within the wait
     */
    public RecordingClient expectNothingFor(int millis, String why) {
        byte[] buffer = new byte[65536];
        try {
            socket.setSoTimeout(millis);
            int n = read(buffer, 0, buffer.length);
            if (n < 0) {
                log.add(Say.text("client.closed"));
                throw failure(why);
            }
            log.add(Say.text("client.received", quote(buffer, n), Say.bytes(n)));
            throw failure(why);
        } catch (SocketTimeoutException quiet) {
            log.add(Say.text("client.quiet", millis));
        } catch (IOException e) {
            log.add(Say.text("client.read-failed", e.getMessage()));
            throw failure(why);
        } finally {
            try {
                socket.setSoTimeout(replyTimeoutMs);
            } catch (IOException closed) {
                // the socket is gone: the next read says so
            }
        }
        return this;
    }

    /**
     * Reads until {@code expected} bytes have arrived (UTF-8), however many pieces it takes.
     *
     * @throws AssertionError with the log when the reply differs, stops short, or times out
     */
    public String expectReply(String expected) {
        byte[] want = expected.getBytes(StandardCharsets.UTF_8);
        byte[] got = new byte[want.length];
        int filled = 0;
        try {
            while (filled < want.length) {
                int n = read(got, filled, want.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (SocketTimeoutException e) {
            logReceived(got, filled);
            throw waitedInVain(e, Say.text("client.no-reply", seconds()),
                    Say.text("fail.expected-timeout", quote(want, want.length), describe(got, filled), seconds()),
                    Say.text("fail.expected-short", quote(want, want.length), describe(got, filled)));
        } catch (IOException e) {
            logReceived(got, filled);
            log.add(Say.text("client.read-failed", e.getMessage()));
            throw failure(Say.text("fail.expected-read-failed", quote(want, want.length), e.getMessage()));
        }
        logReceived(got, filled);
        if (filled < want.length) {
            log.add(Say.text("client.closed"));
            throw failure(Say.text("fail.expected-closed", quote(want, want.length), describe(got, filled)));
        }
        String text = new String(got, StandardCharsets.UTF_8);
        if (!text.equals(expected)) {
            throw failure(Say.text("fail.expected-other", quote(want, want.length), quote(got, filled)));
        }
        return text;
    }

    /**
     * Reads everything until the server closes the connection and returns it as UTF-8.
     *
     * @throws AssertionError with the log when nothing at all arrived, or the close does not come
     */
    public String readUntilClosed() {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = read(buffer, 0, buffer.length)) >= 0; ) {
                all.write(buffer, 0, n);
                log.add(Say.text("client.received", quote(buffer, n), Say.bytes(n)));
            }
        } catch (SocketTimeoutException e) {
            throw waitedInVain(e, Say.text("client.not-closed", seconds()), Say.text("fail.kept-open"), Say.text("fail.kept-open"));
        } catch (IOException e) {
            log.add(Say.text("client.read-failed", e.getMessage()));
            throw failure(Say.text("fail.reading", e.getMessage()));
        }
        if (all.size() == 0) {
            log.add(Say.text("client.nothing-before-close"));
            throw failure(Say.text("fail.closed-without-reply"));
        }
        log.add(Say.text("client.closed"));
        return all.toString(StandardCharsets.UTF_8);
    }

    /**
     * Waits for the server to close the connection without sending anything more.
     *
     * @throws AssertionError with the log when bytes arrive or the close does not come in time
     */
    public void expectClosed() {
        byte[] buffer = new byte[1024];
        try {
            int n = read(buffer, 0, buffer.length);
            if (n >= 0) {
                log.add(Say.text("client.received", quote(buffer, n), Say.bytes(n)));
                throw failure(Say.text("fail.sent-more"));
            }
            log.add(Say.text("client.closed"));
        } catch (SocketTimeoutException e) {
            throw waitedInVain(e, Say.text("client.still-open", seconds()), Say.text("fail.stayed-open"), Say.text("fail.stayed-open"));
        } catch (IOException e) {
            log.add(Say.text("client.ended-with", e.getMessage()));
        }
    }

    /** The steps so far, one per line, ready for a failure message. */
    public String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    /**
     * An AssertionError whose message is {@code problem} followed by the whole log and by what
     * the server code under a {@link ServerRunner} threw, if it threw.
     */
    public AssertionError failure(String problem) {
        return new AssertionError(problem + "\n" + log() + ServerRunner.openFailures());
    }

    /** As {@link #failure(String)}, after a wait that timed out: adds where a running server is stuck. */
    private AssertionError waitedInVain(String problem) {
        return new AssertionError(problem + "\n" + log() + ServerRunner.openFailures() + ServerRunner.openWhereabouts());
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private void logReceived(byte[] bytes, int count) {
        log.add(count == 0 ? Say.text("client.received-nothing") : Say.text("client.received", quote(bytes, count), Say.bytes(count)));
    }

    /**
     * One read waiting at most the reply timeout, in slices: once server code run by a
     * {@link ServerRunner} has thrown, nothing more is coming, and the read gives up at once.
     */
    private int read(byte[] buffer, int offset, int length) throws IOException {
        long deadline = System.nanoTime() + replyTimeoutMs * 1_000_000L;
        try {
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new SocketTimeoutException("Read timed out");
                }
                socket.setSoTimeout((int) Math.min(left, READ_SLICE_MS));
                try {
                    return in.read(buffer, offset, length);
                } catch (SocketTimeoutException slice) {
                    if (!ServerRunner.openFailures().isEmpty()) {
                        throw new ServerThrew();
                    }
                }
            }
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(replyTimeoutMs);
            }
        }
    }

    /** A read given up before its timeout because the server code under test has thrown. */
    private static final class ServerThrew extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        ServerThrew() {
            super("the server code threw");
        }
    }

    /**
     * The failure for a read that ended in {@code why}: one that timed out logs {@code timedOutLog}
     * and says {@code timedOut}; one given up because the server threw says {@code gaveUp} and why.
     */
    private AssertionError waitedInVain(SocketTimeoutException why, String timedOutLog, String timedOut, String gaveUp) {
        if (why instanceof ServerThrew) {
            log.add(Say.text("client.gave-up"));
            return failure(Say.text("fail.server-threw-first", gaveUp));
        }
        log.add(timedOutLog);
        return waitedInVain(timedOut);
    }

    private String seconds() {
        return replyTimeoutMs % 1000 == 0 ? String.valueOf(replyTimeoutMs / 1000) : String.valueOf(replyTimeoutMs / 1000.0);
    }

    private static String describe(byte[] bytes, int count) {
        return count == 0 ? Say.text("got.nothing") : Say.text("got.only", quote(bytes, count));
    }

    /** The bytes as quoted UTF-8 with control characters escaped, so a log line stays one line. */
    static String quote(byte[] bytes, int count) {
        return Say.quote(new String(bytes, 0, count, StandardCharsets.UTF_8));
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // Closing is cleanup; the test has already recorded whatever mattered.
        }
    }
}
