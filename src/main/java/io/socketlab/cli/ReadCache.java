package io.socketlab.cli;

import io.socketlab.course.Lesson;
import io.socketlab.render.RenderOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;

/**
 * Chapters rendered as plain text, kept in {@code .socketlab/cache/} of the course, so reading a
 * chapter again (or for the first time, after the launcher's warm-up rendered them) parses no
 * Markdown. An entry holds a key made of everything the text depends on: the SocketLab build, the
 * language, the width, the lesson's title and body and the lines of every file it includes. Any
 * change to one of them is a miss, and the chapter is rendered and kept again. The cache is only an
 * aid: a folder it cannot write to costs a render, never an error.
 */
final class ReadCache {
    private final Path dir;
    private final String build;

    private ReadCache(Path dir, String build) {
        this.dir = dir;
        this.build = build;
    }

    /**
     * The cache of {@code courseRoot} for the running build, or empty when the build cannot be
     * told apart from the next one (classes run from a folder, as in development, change without
     * a jar to date them).
     */
    static Optional<ReadCache> of(Path courseRoot) {
        return buildOfJar().map(build -> new ReadCache(courseRoot.resolve(".socketlab").resolve("cache"), build));
    }

    /** A cache in {@code dir} for a build called {@code build}: for tests. */
    static ReadCache in(Path dir, String build) {
        return new ReadCache(dir, build);
    }

    /** The jar this class was loaded from, as its size and time, or empty when it was not loaded from a jar. */
    private static Optional<String> buildOfJar() {
        try {
            var source = ReadCache.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            return Optional.of(Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The key of {@code lesson} shown with {@code options}, whose includes came from {@code included}. */
    String key(Lesson lesson, RenderOptions options, Map<Path, List<String>> included) {
        Checksum crc = new CRC32();
        Checksum adler = new Adler32();
        StringBuilder parts = new StringBuilder();
        parts.append(build).append('\n').append(lesson.lang().code()).append(' ').append(lesson.number())
                .append(' ').append(options.width()).append(' ').append(options.color()).append(' ').append(options.ascii()).append('\n')
                .append(lesson.title()).append('\n').append(lesson.body());
        add(parts, crc, adler);
        for (Map.Entry<Path, List<String>> file : included.entrySet()) {
            parts.setLength(0);
            parts.append('\n').append(file.getKey()).append('\n');
            for (String line : file.getValue()) {
                parts.append(line).append('\n');
            }
            add(parts, crc, adler);
        }
        return Long.toHexString(crc.getValue()) + Long.toHexString(adler.getValue());
    }

    private static void add(CharSequence text, Checksum crc, Checksum adler) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        crc.update(bytes, 0, bytes.length);
        adler.update(bytes, 0, bytes.length);
        // the length too, so moving text from one part to the next changes the key
        crc.update(bytes.length);
        adler.update(bytes.length);
    }

    /** The text kept for {@code lesson} under {@code key}, if it is still the one for that key. */
    Optional<String> get(Lesson lesson, RenderOptions options, String key) {
        try {
            String kept = Files.readString(file(lesson, options), StandardCharsets.UTF_8);
            int newline = kept.indexOf('\n');
            return newline > 0 && kept.substring(0, newline).equals(key) ? Optional.of(kept.substring(newline + 1)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code text} for {@code lesson} under {@code key}; written beside and moved, so a reader never sees half. */
    void put(Lesson lesson, RenderOptions options, String key, String text) {
        Path target = file(lesson, options);
        Path partial = null;
        try {
            Files.createDirectories(dir);
            partial = Files.createTempFile(dir, target.getFileName().toString(), ".part");
            Files.writeString(partial, key + "\n" + text, StandardCharsets.UTF_8);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // a course folder we cannot write to: the chapter is rendered each time instead
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }

    private Path file(Lesson lesson, RenderOptions options) {
        return dir.resolve("read-" + lesson.lang().code() + "-" + lesson.number() + "-" + options.width()
                + (options.color() ? "-color" : "") + (options.ascii() ? "-ascii" : "") + ".txt");
    }
}
