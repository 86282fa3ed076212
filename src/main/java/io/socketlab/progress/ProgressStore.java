package io.socketlab.progress;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads and writes {@code .socketlab/progress.json} in the course folder. Writes go to a temporary
 * file that is then renamed over the old one, so a crash never leaves half a file. A file that
 * cannot be read is moved aside (never deleted) and the learner starts fresh, with a warning.
 */
public final class ProgressStore {
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

    /** The stored progress, or a fresh one when there is none or it was unreadable. */
    public Progress load() {
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

    /** Writes atomically; an I/O failure is reported as a warning and never thrown. */
    public boolean save(Progress progress) {
        try {
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
            return true;
        } catch (IOException e) {
            warnings.accept(new Warning(Warning.Kind.NOT_SAVED, file, String.valueOf(e.getMessage())));
            return false;
        }
    }
}
