package io.socketlab.grade.testkit;

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
 * methods never let a test pass on nothing received.
 */
public final class RecordingClient implements AutoCloseable {
    private static final long CONNECT_DEADLINE_NANOS = 5_000_000_000L;
    private static final int CONNECT_ATTEMPT_TIMEOUT_MS = 200;

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
     * most 2 seconds. It stops retrying as soon as server code this test runs under a
     * {@link ServerRunner} has thrown.
     *
     * @throws AssertionError with the log when no connection could be made
     */
    public static RecordingClient connect(int port) {
        return connect(port, 2000);
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
                log.add("[client] connected to 127.0.0.1:" + port
                        + (attempt > 1 ? " after " + attempt + " attempts" : ""));
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
        log.add("[client] could not connect to 127.0.0.1:" + port + ": " + last);
        String thrown = ServerRunner.openFailures();
        String why = thrown.isEmpty() ? " (is your server listening on the socket it was given?)"
                : ": your server code threw before it accepted one (see [server] below)";
        throw new AssertionError("nobody accepted a connection on 127.0.0.1:" + port + why + "\n"
                + String.join("\n", log) + thrown);
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
            log.add("[client] sent " + quote(bytes, bytes.length) + " (" + bytes.length + " bytes)");
        } catch (IOException e) {
            log.add("[client] could not send " + quote(bytes, bytes.length) + ": " + e.getMessage());
            throw failure("sending failed: " + e.getMessage());
        }
        return this;
    }

    /** Half-closes the connection: the server reads end-of-stream, and can still reply. */
    public RecordingClient shutdownOutput() {
        try {
            socket.shutdownOutput();
            log.add("[client] closed its sending side (the server now reads end of stream)");
        } catch (IOException e) {
            throw failure("shutdownOutput failed: " + e.getMessage());
        }
        return this;
    }

    /** Aborts the connection with a reset (RST) instead of a normal close, like a vanished peer. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            log.add("[client] reset the connection (RST)");
        } catch (IOException e) {
            log.add("[client] could not arm the reset: " + e.getMessage());
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
            int n = in.read(buffer);
            if (n < 0) {
                log.add("[client] received nothing before the connection closed");
                throw failure("the server closed the connection without replying");
            }
            log.add("[client] received " + quote(buffer, n) + " (" + n + " bytes)");
            return new String(buffer, 0, n, StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            log.add("[client] no reply within " + seconds() + " s");
            throw failure("no reply within " + seconds() + " s");
        } catch (IOException e) {
            log.add("[client] read failed: " + e.getMessage());
            throw failure("reading the reply failed: " + e.getMessage());
        }
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
                int n = in.read(got, filled, want.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (SocketTimeoutException e) {
            logReceived(got, filled);
            log.add("[client] no reply within " + seconds() + " s");
            throw failure("expected " + quote(want, want.length) + " but " + describe(got, filled) + " before " + seconds() + " s passed");
        } catch (IOException e) {
            logReceived(got, filled);
            log.add("[client] read failed: " + e.getMessage());
            throw failure("expected " + quote(want, want.length) + " but reading failed: " + e.getMessage());
        }
        logReceived(got, filled);
        if (filled < want.length) {
            log.add("[client] the connection closed");
            throw failure("expected " + quote(want, want.length) + " but " + describe(got, filled) + " before the connection closed");
        }
        String text = new String(got, StandardCharsets.UTF_8);
        if (!text.equals(expected)) {
            throw failure("expected " + quote(want, want.length) + " but received " + quote(got, filled));
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
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
                log.add("[client] received " + quote(buffer, n) + " (" + n + " bytes)");
            }
        } catch (SocketTimeoutException e) {
            log.add("[client] the server did not close the connection within " + seconds() + " s");
            throw failure("the server kept the connection open (did it forget to close it?)");
        } catch (IOException e) {
            log.add("[client] read failed: " + e.getMessage());
            throw failure("reading failed: " + e.getMessage());
        }
        if (all.size() == 0) {
            log.add("[client] received nothing before the connection closed");
            throw failure("the server closed the connection without replying");
        }
        log.add("[client] the connection closed");
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
            int n = in.read(buffer);
            if (n >= 0) {
                log.add("[client] received " + quote(buffer, n) + " (" + n + " bytes)");
                throw failure("expected the server to close the connection, but it sent more bytes");
            }
            log.add("[client] the connection closed");
        } catch (SocketTimeoutException e) {
            log.add("[client] the connection was still open after " + seconds() + " s");
            throw failure("expected the server to close the connection, but it stayed open");
        } catch (IOException e) {
            log.add("[client] the connection ended with: " + e.getMessage());
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

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private void logReceived(byte[] bytes, int count) {
        log.add(count == 0 ? "[client] received nothing"
                : "[client] received " + quote(bytes, count) + " (" + count + " bytes)");
    }

    private String seconds() {
        return replyTimeoutMs % 1000 == 0 ? String.valueOf(replyTimeoutMs / 1000) : String.valueOf(replyTimeoutMs / 1000.0);
    }

    private static String describe(byte[] bytes, int count) {
        return count == 0 ? "received nothing" : "received only " + quote(bytes, count);
    }

    /** The bytes as quoted UTF-8 with control characters escaped, so a log line stays one line. */
    static String quote(byte[] bytes, int count) {
        String text = new String(bytes, 0, count, StandardCharsets.UTF_8);
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '"' -> quoted.append("\\\"");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
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
