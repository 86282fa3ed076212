package io.socketlab.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The temporary folders learner code is compiled and run in, one per run or per submission, and
 * the child processes that run it. Whatever is still there when this JVM ends, by Ctrl-C, SIGTERM
 * or a closed terminal included, is ended and deleted by a shutdown hook: student code and compiled
 * hidden tests are never left in the temporary folder, nor a learner's process running.
 */
public final class ScratchFolders {
    private static final Set<Path> FOLDERS = ConcurrentHashMap.newKeySet();
    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    /**
     * Held to read by whatever writes into the folders (a compile), to write by the shutdown hook
     * before it deletes them: javac still writing would make its output folders again.
     */
    private static final ReentrantReadWriteLock WRITERS = new ReentrantReadWriteLock();
    /** How long the shutdown hook waits for the writes in flight to finish. */
    private static final long WRITES_GRACE_SECONDS = 10;
    private static volatile boolean closing;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScratchFolders::endAll, "socketlab-cleanup"));
    }

    private ScratchFolders() {
    }

    /** A new, empty folder in the system's temporary folder, its name starting with {@code prefix}. */
    public static Path create(String prefix) throws IOException {
        refuseWhenClosing();
        Path dir = Files.createTempDirectory(prefix);
        FOLDERS.add(dir);
        return dir;
    }

    /** Something that writes into the scratch folders. */
    @FunctionalInterface
    public interface Writes<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code writes} (a compile into a scratch folder): the shutdown hook waits for it to end
     * before it deletes the folders. Once the JVM is ending, nothing new starts.
     */
    public static <T> T writing(Writes<T> writes) throws IOException {
        WRITERS.readLock().lock();
        try {
            refuseWhenClosing();
            return writes.run();
        } finally {
            WRITERS.readLock().unlock();
        }
    }

    private static void refuseWhenClosing() throws IOException {
        if (closing) {
            throw new IOException("this program is ending");
        }
    }

    /** Deletes {@code dir} and everything in it, as far as it can; null is ignored. */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless; the OS cleans it
        }
        FOLDERS.remove(dir);
    }

    /** Keeps {@code process} to be ended, with everything it started, if this JVM ends first. */
    static void track(Process process) {
        PROCESSES.add(process);
        process.onExit().thenRun(() -> PROCESSES.remove(process));
    }

    /** Ends {@code process} and everything it started, and waits briefly for it. */
    static void end(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void endAll() {
        closing = true;
        for (Process process : PROCESSES) {
            end(process);
        }
        try {
            // a compile in flight ends first, or it would write into a folder deleted below
            WRITERS.writeLock().tryLock(WRITES_GRACE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Process process : PROCESSES) {
            end(process);
        }
        for (Path dir : Set.copyOf(FOLDERS)) {
            delete(dir);
        }
    }
}
