package io.socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.TestFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code read N} keeps the chapter's plain text and shows it again without rendering, exactly as
 * long as nothing it was made from changed: the lesson, a file it includes, the width, the build.
 */
class ReadCacheTest {
    @TempDir
    Path course;

    @TempDir
    Path cacheDir;

    private String err;

    @BeforeEach
    void copyCourse() throws IOException {
        TestFiles.copyTree(Path.of("lessons"), course.resolve("lessons"));
        TestFiles.copyTree(Path.of("src"), course.resolve("src"));
        TestFiles.copyTree(Path.of("python"), course.resolve("python"));
        TestFiles.copyTree(Path.of("exercises"), course.resolve("exercises"));
    }

    private String read(ReadCache cache, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("LANG", "en_US.UTF-8", "SOCKETLAB_HOME", course.toString());
        Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8), env, null);
        ReadCommand read = (ReadCommand) QuickStart.command(main, args);
        read.cache = cache;
        assertEquals(0, read.call());
        err = errors.toString(StandardCharsets.UTF_8);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String uncached(String... args) throws Exception {
        return read(null, args);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.toList();
        }
    }

    /** Puts {@code marker} into the kept text, keeping its key: a read that shows the marker was served from the cache. */
    private void mark(String marker) throws IOException {
        Path entry = entries().get(0);
        String kept = Files.readString(entry);
        int firstLine = kept.indexOf('\n');
        Files.writeString(entry, kept.substring(0, firstLine + 1) + marker + "\n" + kept.substring(firstLine + 1));
    }

    @Test
    void aChapterReadAgainIsTheKeptTextAndTheSameAsARender() throws Exception {
        ReadCache cache = ReadCache.in(cacheDir, "build-1");
        String rendered = uncached("read", "4", "--plain");
        assertEquals(rendered, read(cache, "read", "4", "--plain"));
        assertEquals(1, entries().size(), "one entry kept: " + entries());
        mark("FROM THE CACHE");
        String again = read(cache, "read", "4", "--plain");
        assertTrue(again.startsWith("FROM THE CACHE\n"), again);
        assertEquals(rendered, again.substring("FROM THE CACHE\n".length()));
        assertEquals("", err);
    }

    @Test
    void aChangedIncludedFileLessonWidthOrBuildIsRenderedAfresh() throws Exception {
        ReadCache cache = ReadCache.in(cacheDir, "build-1");
        read(cache, "read", "4", "--plain");
        mark("STALE");

        // a file the chapter includes: a line added inside the phone server's included code
        Path server = course.resolve("src/main/java/io/socketlab/demo/phone/PhoneServer.java");
        String source = Files.readString(server);
        int region = source.indexOf("// region answer");
        assertTrue(region > 0, "the phone server has no 'answer' region any more: pick another included file");
        int lineEnd = source.indexOf('\n', region);
        Files.writeString(server, source.substring(0, lineEnd + 1) + "        // a comment added by ReadCacheTest\n" + source.substring(lineEnd + 1));
        String afterInclude = read(cache, "read", "4", "--plain");
        assertFalse(afterInclude.contains("STALE"), "a changed included file must not show the kept text");
        assertTrue(afterInclude.contains("a comment added by ReadCacheTest"), afterInclude);

        mark("STALE");
        Path lesson = course.resolve("lessons/en/04-phone-call.md");
        Files.writeString(lesson, Files.readString(lesson) + "\nOne more line from ReadCacheTest.\n");
        String afterLesson = read(cache, "read", "4", "--plain");
        assertFalse(afterLesson.contains("STALE"));
        assertTrue(afterLesson.contains("One more line from ReadCacheTest."), afterLesson);

        mark("STALE");
        assertFalse(read(cache, "read", "4", "--plain", "--width", "60").contains("STALE"), "another width is another text");
        assertFalse(read(ReadCache.in(cacheDir, "build-2"), "read", "4", "--plain").contains("STALE"), "another build renders differently");
        assertFalse(read(cache, "--lang", "zh", "read", "4", "--plain").contains("STALE"), "another language");
    }

    @Test
    void aCacheThatCannotBeWrittenCostsARenderNotAnError() throws Exception {
        Path file = Files.writeString(cacheDir.resolve("a-file"), "not a folder");
        ReadCache cache = ReadCache.in(file.resolve("cache"), "build-1");
        String rendered = uncached("read", "2", "--plain");
        assertEquals(rendered, read(cache, "read", "2", "--plain"));
        assertEquals(rendered, read(cache, "read", "2", "--plain"));
        assertEquals("", err);
        assertNotEquals("", rendered);
    }
}
