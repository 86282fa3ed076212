package io.socketlab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ProgressStoreTest {
    @TempDir
    Path root;

    private final List<ProgressStore.Warning> warnings = new ArrayList<>();

    private ProgressStore store() {
        return new ProgressStore(root, warnings::add);
    }

    private Path file() {
        return root.resolve(".socketlab/progress.json");
    }

    private void writeFile(String json) throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), json);
    }

    private List<String> filesBeside() throws IOException {
        try (Stream<Path> files = Files.list(file().getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void updatedProgressLoadsBack() {
        Progress returned = store().update(progress -> {
            progress.setCurrentChapter(3);
            progress.markRead(1);
            progress.markRead(2);
            progress.markDone("01-phone-server");
            progress.setHintsShown("02-phone-client", 2);
        });
        assertTrue(returned.isDone("01-phone-server"));

        Progress again = store().load();
        assertEquals(3, again.currentChapter());
        assertTrue(again.isRead(2));
        assertFalse(again.isRead(3));
        assertTrue(again.isDone("01-phone-server"));
        assertEquals(2, again.hintsShown("02-phone-client"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void updateLeavesNoTemporaryFiles() throws Exception {
        store().update(progress -> progress.markRead(1));
        store().update(progress -> progress.markRead(2));
        assertEquals(List.of("progress.json", "progress.lock"), filesBeside());
    }

    @Test
    void twoStoresOnOneFolderKeepEachOthersRecords() {
        store().update(progress -> progress.markRead(1));
        // two processes that both read the file when they started
        ProgressStore shell = store();
        ProgressStore check = store();
        shell.load();
        check.load();

        check.update(progress -> progress.markDone("06-echo-server"));
        Progress seenByShell = shell.update(progress -> progress.markDone("07-framing"));

        assertTrue(seenByShell.isDone("06-echo-server"), "the result of an update holds the other store's record");
        Progress stored = store().load();
        assertEquals(Set.of("06-echo-server", "07-framing"), stored.exercisesDone());
        assertEquals(Set.of(1), stored.chaptersRead());
    }

    @Test
    void whereTheLearnerIsChangesOnlyWhenAStoreChangesIt() {
        ProgressStore shell = store();
        ProgressStore check = store();
        shell.update(progress -> progress.setCurrentChapter(4));
        check.update(progress -> progress.setCurrentExercise("07-framing"));
        shell.update(progress -> progress.markRead(4));

        Progress stored = store().load();
        assertEquals(4, stored.currentChapter());
        assertEquals("07-framing", stored.currentExercise());
    }

    @Test
    void hintCountersCountOnFromTheStoredValue() {
        store().update(progress -> progress.markRead(1));
        ProgressStore one = store();
        ProgressStore two = store();
        one.load();
        two.load();
        one.update(progress -> progress.setHintsShown("01-phone-server", progress.hintsShown("01-phone-server") + 1));
        two.update(progress -> progress.setHintsShown("01-phone-server", progress.hintsShown("01-phone-server") + 1));
        assertEquals(2, store().load().hintsShown("01-phone-server"));
    }

    @Test
    void manyThreadsRecordingAtOnceLoseNothing() throws Exception {
        int threads = 8;
        int each = 25;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "thread" + t;
                writers.add(() -> {
                    ProgressStore own = store();
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 1; i <= each; i++) {
                        String id = name + "-" + i;
                        own.update(progress -> progress.markDone(id));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(writers, 30, TimeUnit.SECONDS)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(threads * each, store().load().exercisesDone().size());
        assertEquals(List.of(), warnings);
    }

    @Test
    void severalProcessesRecordingAtOnceLoseNothing() throws Exception {
        int processes = 4;
        int each = 100;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Process> started = new ArrayList<>();
        try {
            for (int p = 0; p < processes; p++) {
                started.add(new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                        "-cp", System.getProperty("java.class.path"), RecordingProcess.class.getName(),
                        root.toString(), "process" + p, String.valueOf(each)).redirectErrorStream(true).start());
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process process : started) {
                BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("ready", CompletableFuture.supplyAsync(() -> line(output)).get(30, TimeUnit.SECONDS));
                outputs.add(output);
            }
            for (Process process : started) {
                OutputStream go = process.getOutputStream();
                go.write("go\n".getBytes(StandardCharsets.UTF_8));
                go.flush();
            }
            for (int p = 0; p < processes; p++) {
                BufferedReader output = outputs.get(p);
                String rest = CompletableFuture.supplyAsync(() -> output.lines().collect(Collectors.joining("\n"))).get(30, TimeUnit.SECONDS);
                assertEquals("done", rest, "process " + p + " said");
                assertTrue(started.get(p).waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, started.get(p).exitValue());
            }
        } finally {
            started.forEach(Process::destroyForcibly);
            for (Process process : started) {
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        Set<String> lost = new TreeSet<>();
        IntStream.range(0, processes).forEach(p -> IntStream.rangeClosed(1, each).forEach(i -> lost.add("process" + p + "-" + i)));
        lost.removeAll(store().load().exercisesDone());
        assertEquals(0, lost.size(), () -> lost.size() + " records lost, among them " + lost.stream().limit(5).toList());
    }

    private static String line(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void corruptFileIsMovedAsideWithAWarningAndNeverThrows() throws Exception {
        writeFile("{\"currentChapter\": 4, oops");

        Progress progress = store().load();

        assertEquals(1, progress.currentChapter());
        assertEquals(1, warnings.size());
        assertEquals(ProgressStore.Warning.Kind.MOVED_ASIDE, warnings.get(0).kind());
        assertFalse(Files.exists(file()));
        assertEquals("{\"currentChapter\": 4, oops", Files.readString(warnings.get(0).file()));
    }

    @Test
    void wrongTypesAreIgnoredFieldByField() throws Exception {
        writeFile("{\"currentChapter\": \"three\", \"chaptersRead\": [1, \"x\", 2]}");
        Progress progress = store().load();
        assertEquals(1, progress.currentChapter());
        assertTrue(progress.isRead(1) && progress.isRead(2));
    }

    @Test
    void whereNoLockCanBeTakenProgressIsStillSaved() throws Exception {
        Files.createDirectories(root.resolve(".socketlab/progress.lock"));
        store().update(progress -> progress.markDone("01-phone-server"));
        assertTrue(store().load().isDone("01-phone-server"));
        assertEquals(List.of(), warnings);
    }
}
