package io.socketlab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.i18n.Lang;
import io.socketlab.progress.ProgressStore.Warning;
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

    private final List<Warning> warnings = new ArrayList<>();

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
    void unparsableFileIsMovedAsideWithAWarningNamingItAndNeverThrows() throws Exception {
        writeFile("{\"currentChapter\": 4, oops");

        Progress progress = store().load();

        assertEquals(1, progress.currentChapter());
        assertEquals(1, warnings.size());
        Warning warning = warnings.get(0);
        assertEquals(Warning.Kind.MOVED_ASIDE, warning.kind());
        assertFalse(Files.exists(file()));
        assertEquals("{\"currentChapter\": 4, oops", Files.readString(warning.copy()));
        assertTrue(warning.copy().getFileName().toString().startsWith("progress.json.bad-"), warning.copy().toString());
        String said = warning.describe(Lang.EN);
        assertTrue(said.startsWith("Your progress file " + file() + " could not be read (not valid JSON at line 1, column 23: Unexpected character"), said);
        assertTrue(said.endsWith("it was moved to " + warning.copy() + " and you start afresh."), said);
        assertFalse(said.contains("\n"), said);
    }

    @Test
    void anUpdateAfterAnUnparsableFileStartsAfreshAndKeepsTheOldOne() throws Exception {
        writeFile("not json at all");
        store().update(progress -> progress.markDone("01-phone-server"));
        assertEquals(Set.of("01-phone-server"), store().load().exercisesDone());
        assertEquals("not json at all", Files.readString(warnings.get(0).copy()));
    }

    @Test
    void theParsersMessageLeavesOutItsSourcePlaceholder() throws Exception {
        writeFile("{\"hintsShown\": [1");
        store().load();
        String said = warnings.get(0).describe(Lang.EN);
        assertTrue(said.contains("expected close marker for Array (start marker at line: 1, column: 16)"), said);
        assertFalse(said.contains("Source"), said);
    }

    @Test
    void emptyFileOrOneThatIsNoObjectIsMovedAside() throws Exception {
        writeFile("");
        store().load();
        writeFile("[1, 2]");
        store().load();
        assertEquals(List.of("the file is empty", "it holds [1,2], not a JSON object"),
                warnings.stream().map(w -> w.describe(Lang.EN).replaceAll(".*\\((.*)\\).*", "$1")).toList());
        assertEquals(2, filesBeside().stream().filter(name -> name.startsWith("progress.json.bad-")).count());
    }

    @Test
    void wrongTypesAreLeftOutAndTheFileAsItWasIsKept() throws Exception {
        String original = "{\"currentChapter\": \"three\", \"chaptersRead\": [1, \"x\", 2], \"exercisesDone\": \"01-phone-server\","
                + " \"demosRun\": [\"phone\"], \"hintsShown\": {\"01-phone-server\": \"two\"}}";
        writeFile(original);

        Progress progress = store().load();

        assertEquals(1, progress.currentChapter());
        assertEquals(Set.of(1, 2), progress.chaptersRead());
        assertTrue(progress.hasRun("phone"));
        assertEquals(Set.of(), progress.exercisesDone());
        assertEquals(1, warnings.size());
        Warning warning = warnings.get(0);
        assertEquals(Warning.Kind.REPAIRED, warning.kind());
        assertEquals(original, Files.readString(warning.copy()));
        assertEquals("Your progress file " + file() + " had values SocketLab cannot use (currentChapter was \"three\", now 1;"
                + " chaptersRead held \"x\", which is left out; exercisesDone held \"01-phone-server\", which is left out;"
                + " hintsShown.01-phone-server held \"two\", which is left out); they were corrected, and the file as it was is kept as "
                + warning.copy() + ".", warning.describe(Lang.EN));

        warnings.clear();
        assertEquals(Set.of(1, 2), store().load().chaptersRead());
        assertEquals(List.of(), warnings, "the corrected file was stored");
    }

    @Test
    void negativeAndAbsurdCountersAreClamped() throws Exception {
        writeFile("{\"currentChapter\": -2, \"hintsShown\": {\"a\": -5, \"b\": 1e30, \"c\": 99999999999999999999, \"d\": 1.5, \"e\": 2}}");

        Progress progress = store().load();

        assertEquals(1, progress.currentChapter());
        assertEquals(0, progress.hintsShown("a"));
        assertEquals(Progress.MAX_HINTS_SHOWN, progress.hintsShown("b"));
        assertEquals(Progress.MAX_HINTS_SHOWN, progress.hintsShown("c"));
        assertEquals(1, progress.hintsShown("d"));
        assertEquals(2, progress.hintsShown("e"));
        assertEquals(List.of("currentChapter was -2, now 1", "hintsShown.a was -5, now 0", "hintsShown.b was 1.0E30, now 999",
                "hintsShown.c was 99999999999999999999, now 999", "hintsShown.d was 1.5, now 1"),
                warnings.get(0).details().stream().map(d -> d.args().get(0) + " was " + d.args().get(1) + ", now " + d.args().get(2)).toList());
    }

    @Test
    void warningsAreSaidInChineseToo() throws Exception {
        writeFile("{\"hintsShown\": {\"01-phone-server\": -5}}");
        store().load();
        Warning warning = warnings.get(0);
        assertEquals("进度文件 " + file() + " 中有 SocketLab 无法使用的值（hintsShown.01-phone-server 原为 -5，现为 0），已经更正；原来的文件保存为 "
                + warning.copy() + "。", warning.describe(Lang.ZH));
    }

    @Test
    void aBadFileThatCannotBeKeptAsideIsLeftAloneAndToldOnce() throws Exception {
        // A folder so deep that progress.json fits within Linux's 4,096-byte path limit but no longer
        // name beside it does (neither the copy nor a temporary file): writing there fails for any
        // user, root included, where a read-only folder would stop everyone but root.
        StringBuilder deep = new StringBuilder(root.toString());
        int wanted = 4090 - "/.socketlab/progress.json".length();
        while (deep.length() < wanted) {
            deep.append('/').append("d".repeat(Math.min(200, Math.max(1, wanted - deep.length() - 1))));
        }
        Path workspace = Files.createDirectories(Path.of(deep.toString()));
        Path file = workspace.resolve(".socketlab/progress.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"hintsShown\": {\"01-phone-server\": -5}}");

        ProgressStore store = new ProgressStore(workspace, warnings::add);
        Progress progress = store.update(p -> p.markDone("01-phone-server"));
        store.update(p -> p.markDone("02-phone-client"));

        assertEquals(0, progress.hintsShown("01-phone-server"));
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(Warning.Kind.LEFT_ALONE, warnings.get(0).kind());
        assertNull(warnings.get(0).copy());
        assertEquals("{\"hintsShown\": {\"01-phone-server\": -5}}", Files.readString(file), "the file is left as it was");
        try (Stream<Path> beside = Files.list(file.getParent())) {
            assertEquals(List.of("progress.json"), beside.map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".lock")).toList());
        }
    }

    @Test
    void whereNoLockCanBeTakenProgressIsStillSaved() throws Exception {
        Files.createDirectories(root.resolve(".socketlab/progress.lock"));
        store().update(progress -> progress.markDone("01-phone-server"));
        assertTrue(store().load().isDone("01-phone-server"));
        assertEquals(List.of(), warnings);
    }
}
