package io.socketlab.progress;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads and changes {@code .socketlab/progress.json} in the course folder. Several SocketLab
 * processes may use the file at once (the shell in one terminal, {@code check} in another), so a
 * change is made to the file as it is at that moment, under an exclusive lock on
 * {@code .socketlab/progress.lock}, and written to a temporary file that is renamed over the old
 * one, so a crash never leaves half a file. A file that cannot be read is moved aside (never
 * deleted) and the learner starts fresh, with a warning.
 */
public final class ProgressStore {
    private static final String LOCK_FILE = "progress.lock";
    /** A file lock belongs to the whole JVM, so the threads of this one take turns on this first. */
    private static final ConcurrentMap<Path, ReentrantLock> THREADS = new ConcurrentHashMap<>();

    private final Path file;
    private final Consumer<Warning> warnings;

    /** Something the learner should hear about their progress file; nothing is ever thrown. */
    public record Warning(Kind kind, Path file, String reason) {
        public enum Kind {
            /** The file was unreadable and moved to {@code file}; progress starts fresh. */
            MOVED_ASIDE,
            /** Progress could not be written to {@code file}. */
            NOT_SAVED
        }

        /** A plain sentence, for callers without their own translated wording. */
        @Override
        public String toString() {
            return (kind == Kind.MOVED_ASIDE ? "progress file was unreadable (" + reason + "); moved to " : "progress not saved (" + reason + "): ") + file;
        }
    }

    /** @param warnings told when the stored file was moved aside or progress could not be saved */
    public ProgressStore(Path courseRoot, Consumer<Warning> warnings) {
        this.file = courseRoot.resolve(".socketlab").resolve("progress.json");
        this.warnings = warnings;
    }

    public Path file() {
        return file;
    }

    /** The stored progress as it is now, or a fresh one when there is none or it was unreadable. */
    public Progress load() {
        if (!Files.exists(file)) {
            return new Progress();
        }
        return locked(this::read);
    }

    /**
     * Applies {@code change} to the stored progress as it is now and stores the result, all under
     * the lock, so records that other processes made in the meantime are kept. Returns the result:
     * what every process recorded, with this change. An I/O failure is reported as a warning, never
     * thrown; the result is then this process's view only. {@code change} must not use a store.
     */
    public Progress update(Consumer<Progress> change) {
        return locked(() -> {
            Progress now = read();
            change.accept(now);
            try {
                write(now);
            } catch (IOException e) {
                warnings.accept(new Warning(Warning.Kind.NOT_SAVED, file, String.valueOf(e.getMessage())));
            }
            return now;
        });
    }

    /**
     * Runs {@code action} holding the lock. Where no lock can be had it runs unlocked all the same:
     * a read-only folder can still be read (a write there fails and is reported), and on a file
     * system without locks a change is still made to the file as it is.
     */
    private <T> T locked(Supplier<T> action) {
        Path folder = file.getParent();
        Path key;
        try {
            key = Files.createDirectories(folder).toRealPath().resolve(LOCK_FILE);
        } catch (IOException e) {
            key = folder.toAbsolutePath().normalize().resolve(LOCK_FILE);
        }
        ReentrantLock threads = THREADS.computeIfAbsent(key, k -> new ReentrantLock());
        threads.lock();
        try {
            FileChannel channel = lockFileOrNull(key);
            try {
                return action.get();
            } finally {
                closeQuietly(channel);
            }
        } finally {
            threads.unlock();
        }
    }

    /** The lock file, locked by this process (closing it releases the lock), or null when it cannot be. */
    private static FileChannel lockFileOrNull(Path lockFile) {
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return null;
        }
        try {
            channel.lock();
            return channel;
        } catch (IOException e) {
            closeQuietly(channel);
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the lock ends with the channel, or at the latest with this process
        }
    }

    /** The file as it is now; one that cannot be read is moved aside first. Lock held. */
    private Progress read() {
        if (!Files.exists(file)) {
            return new Progress();
        }
        try {
            Object json = JSON.std.anyFrom(Files.readString(file));
            if (json instanceof Map<?, ?> map) {
                return Progress.fromJson(map);
            }
            return setAside("not a JSON object");
        } catch (IOException | RuntimeException e) {
            return setAside(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private Progress setAside(String why) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling("progress.json.corrupt-" + stamp);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            warnings.accept(new Warning(Warning.Kind.MOVED_ASIDE, aside, why));
        } catch (IOException e) {
            warnings.accept(new Warning(Warning.Kind.MOVED_ASIDE, file, why));
        }
        return new Progress();
    }

    private void write(Progress progress) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "progress", ".tmp");
        try {
            Files.writeString(tmp, JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(progress.toJson()) + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
