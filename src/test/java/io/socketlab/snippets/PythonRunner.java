package io.socketlab.snippets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A python3 script run beside a test, for the lessons' claims about Python. Every wait is bounded;
 * closing kills the script if it is still running.
 */
final class PythonRunner implements AutoCloseable {
    static final String MISSING = "python3 is not on PATH: the lesson's claim about Python is not checked here";
    // generous: a python3 start-up on two cores shared with busy loops can take several seconds
    private static final long WAIT_SECONDS = 30;
    private static volatile Boolean available;

    private final Process process;
    private final BufferedReader output;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "python-output");
        thread.setDaemon(true);
        return thread;
    });

    private PythonRunner(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static boolean available() {
        if (available == null) {
            available = probe();
        }
        return available;
    }

    private static boolean probe() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            boolean ended = probe.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                probe.destroyForcibly();
            }
            return ended && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code python3 -c script args...}; its standard error is merged into its output. */
    static PythonRunner start(String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        return new PythonRunner(builder.start());
    }

    /** Runs the script to its end and returns everything it printed, lines joined by \n. */
    static String run(String script, String... args) throws Exception {
        try (PythonRunner python = start(script, args)) {
            return python.rest();
        }
    }

    /** How long a test should wait for a script to connect: as long as its start-up may take. */
    static int startUpMillis() {
        return (int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS);
    }

    /** The next line the script printed, or null when it ended. */
    String line() throws IOException, InterruptedException, TimeoutException {
        Future<String> next = reader.submit(output::readLine);
        try {
            return next.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /** Everything the script prints from now until it ends, lines joined by \n. */
    String rest() throws IOException, InterruptedException, TimeoutException {
        List<String> lines = new ArrayList<>();
        for (String line = line(); line != null; line = line()) {
            lines.add(line);
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // a script that waits on sys.stdin.read() ends here
        process.getOutputStream().close();
        if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        reader.shutdownNow();
    }
}
