package io.socketlab.progress;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads and changes {@code .socketlab/progress.json} in the course folder. Several SocketLab
 * processes may use the file at once (the shell in one terminal, {@code check} in another), so a
 * change is made to the file as it is at that moment, under an exclusive lock on
 * {@code .socketlab/progress.lock}, and written to a temporary file that is renamed over the old
 * one, so a crash never leaves half a file. A file that cannot be used as it is, is kept beside it
 * (never deleted, never overwritten unseen), with a warning.
 */
public final class ProgressStore {
    private static final String LOCK_FILE = "progress.lock";
    /** A file lock belongs to the whole JVM, so the threads of this one take turns on this first. */
    private static final ConcurrentMap<Path, ReentrantLock> THREADS = new ConcurrentHashMap<>();

    private final Path file;
    private final Consumer<Warning> warnings;
    /** Told once each: a file that stays unusable would otherwise repeat its warning at every read. */
    private final Set<Object> told = ConcurrentHashMap.newKeySet();

    /** Something the learner should hear about their progress file; nothing is ever thrown. */
    public record Warning(Kind kind, Path file, Path copy, List<Detail> details) {
        public enum Kind {
            /** The file could not be read; it was moved to {@code copy} and progress starts afresh. */
            MOVED_ASIDE,
            /** Values that could not be used were corrected; the file as it was is kept as {@code copy}. */
            REPAIRED,
            /** The file cannot be used as it is and could not be kept aside: it is left as it is, and nothing is saved. */
            LEFT_ALONE,
            /** Progress could not be written to {@code file}. */
            NOT_SAVED
        }

        /** One thing that was wrong: a key of the {@code progress} bundle and its arguments. */
        public record Detail(String key, List<String> args) {
            public Detail {
                args = List.copyOf(args);
            }
        }

        public Warning {
            details = List.copyOf(details);
        }

        /** One line for the learner, naming the file and what was wrong. */
        public String describe(Lang lang) {
            Messages text = Messages.of("progress", lang);
            String what = details.stream().map(d -> text.get(d.key(), d.args().toArray()))
                    .collect(Collectors.joining(text.get("detail.separator")));
            return text.get("warning." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), file, copy, what);
        }

        @Override
        public String toString() {
            return describe(Lang.EN);
        }
    }

    /** The file as read under the lock; {@code writable} is false when it must be left as it is. */
    private record Current(Progress progress, boolean writable) {
    }

    /** @param warnings told when the stored file was unusable or progress could not be saved */
    public ProgressStore(Path courseRoot, Consumer<Warning> warnings) {
        this.file = courseRoot.resolve(".socketlab").resolve("progress.json");
        this.warnings = warnings;
    }

    public Path file() {
        return file;
    }

    /**
     * The stored progress as it is now, or a fresh one when there is none or it was unreadable. A
     * file that cannot be used as it is, is set aside or corrected first, with a warning.
     */
    public Progress load() {
        if (!Files.exists(file)) {
            return new Progress();
        }
        return locked(() -> read().progress());
    }

    /**
     * Applies {@code change} to the stored progress as it is now and stores the result, all under
     * the lock, so records that other processes made in the meantime are kept. Returns the result:
     * what every process recorded, with this change. An I/O failure is reported as a warning, never
     * thrown; the result is then this process's view only. {@code change} must not use a store.
     */
    public Progress update(Consumer<Progress> change) {
        return locked(() -> {
            Current now = read();
            change.accept(now.progress());
            if (now.writable()) {
                try {
                    write(now.progress());
                } catch (IOException e) {
                    warn(new Warning(Warning.Kind.NOT_SAVED, file, null, List.of(ioDetail(e))));
                }
            }
            return now.progress();
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

    /** The file as it is now; one that cannot be used is moved or copied aside first. Lock held. */
    private Current read() {
        if (!Files.exists(file)) {
            return new Current(new Progress(), true);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            return setAside(new Warning.Detail("detail.not-utf8", List.of()));
        } catch (IOException e) {
            return setAside(ioDetail(e));
        }
        if (text.isBlank()) {
            return setAside(new Warning.Detail("detail.empty", List.of()));
        }
        Object json;
        try {
            json = JSON.std.anyFrom(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return setAside(new Warning.Detail("detail.not-json", List.of(
                    at == null ? "?" : String.valueOf(at.getLineNr()), at == null ? "?" : String.valueOf(at.getColumnNr()),
                    withoutSource(e.getOriginalMessage()))));
        } catch (IOException | RuntimeException e) {
            return setAside(new Warning.Detail("detail.io", List.of(firstLine(e))));
        }
        if (!(json instanceof Map<?, ?> map)) {
            return setAside(new Warning.Detail("detail.not-object", List.of(Progress.shortJson(json))));
        }
        List<Warning.Detail> faults = new ArrayList<>();
        Progress progress = Progress.fromJson(map, faults);
        return faults.isEmpty() ? new Current(progress, true) : repair(progress, faults);
    }

    private Current setAside(Warning.Detail why) {
        Path copy = nameAside();
        try {
            Files.move(file, copy);
            warn(new Warning(Warning.Kind.MOVED_ASIDE, file, copy, List.of(why)));
            return new Current(new Progress(), true);
        } catch (IOException e) {
            warn(new Warning(Warning.Kind.LEFT_ALONE, file, null, List.of(why, ioDetail(e))));
            return new Current(new Progress(), false);
        }
    }

    /** Keeps a copy of the file as it was, then stores {@code progress}, its usable part. */
    private Current repair(Progress progress, List<Warning.Detail> faults) {
        Path copy = nameAside();
        try {
            Files.copy(file, copy);
        } catch (IOException e) {
            List<Warning.Detail> why = new ArrayList<>(faults);
            why.add(ioDetail(e));
            warn(new Warning(Warning.Kind.LEFT_ALONE, file, null, why));
            return new Current(progress, false);
        }
        try {
            write(progress);
            warn(new Warning(Warning.Kind.REPAIRED, file, copy, faults));
        } catch (IOException e) {
            warn(new Warning(Warning.Kind.NOT_SAVED, file, null, List.of(ioDetail(e))));
        }
        return new Current(progress, true);
    }

    /** {@code progress.json.bad-<date>-<time>}, with a number added when that is taken. */
    private Path nameAside() {
        String name = file.getFileName() + ".bad-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(name);
        for (int n = 2; Files.exists(aside); n++) {
            aside = file.resolveSibling(name + "-" + n);
        }
        return aside;
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

    private void warn(Warning warning) {
        // a file left alone, or not saved, is told once whatever the system said each time: its
        // message names a copy stamped to the second, so two tries a second apart would differ
        boolean lasting = warning.kind() == Warning.Kind.LEFT_ALONE || warning.kind() == Warning.Kind.NOT_SAVED;
        if (told.add(lasting ? List.of(warning.kind(), warning.file()) : warning)) {
            warnings.accept(warning);
        }
    }

    /** The parser's message with "[Source: (redacted); line: 1, column: 15]" said as "line: 1, column: 15". */
    private static String withoutSource(String message) {
        return String.valueOf(message).replaceAll("\\[Source: [^;\\]]*; ([^\\]]*)]", "$1");
    }

    private static Warning.Detail ioDetail(IOException e) {
        String what = e instanceof FileSystemException f && f.getReason() != null ? f.getFile() + ": " + f.getReason() : firstLine(e);
        return new Warning.Detail("detail.io", List.of(what));
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
