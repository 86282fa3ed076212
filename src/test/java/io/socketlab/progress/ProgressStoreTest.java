package io.socketlab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
    @TempDir
    Path root;

    @Test
    void savedProgressLoadsBack() {
        ProgressStore store = new ProgressStore(root, w -> { });
        Progress progress = store.load();
        progress.setCurrentChapter(3);
        progress.markRead(1);
        progress.markRead(2);
        progress.markDone("01-phone-server");
        progress.setHintsShown("02-phone-client", 2);
        assertTrue(store.save(progress));

        Progress again = new ProgressStore(root, w -> { }).load();
        assertEquals(3, again.currentChapter());
        assertTrue(again.isRead(2));
        assertFalse(again.isRead(3));
        assertTrue(again.isDone("01-phone-server"));
        assertEquals(2, again.hintsShown("02-phone-client"));
    }

    @Test
    void saveLeavesNoTemporaryFiles() throws Exception {
        ProgressStore store = new ProgressStore(root, w -> { });
        store.save(new Progress());
        store.save(new Progress());
        try (Stream<Path> files = Files.list(root.resolve(".socketlab"))) {
            assertEquals(List.of("progress.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void corruptFileIsMovedAsideWithAWarningAndNeverThrows() throws Exception {
        Path file = root.resolve(".socketlab/progress.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"currentChapter\": 4, oops");
        List<ProgressStore.Warning> warnings = new ArrayList<>();

        Progress progress = new ProgressStore(root, warnings::add).load();

        assertEquals(1, progress.currentChapter());
        assertEquals(1, warnings.size());
        assertEquals(ProgressStore.Warning.Kind.MOVED_ASIDE, warnings.get(0).kind());
        assertFalse(Files.exists(file));
        assertEquals("{\"currentChapter\": 4, oops", Files.readString(warnings.get(0).file()));
    }

    @Test
    void wrongTypesAreIgnoredFieldByField() throws Exception {
        Path file = root.resolve(".socketlab/progress.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"currentChapter\": \"three\", \"chaptersRead\": [1, \"x\", 2]}");
        Progress progress = new ProgressStore(root, w -> { }).load();
        assertEquals(1, progress.currentChapter());
        assertTrue(progress.isRead(1) && progress.isRead(2));
    }
}
