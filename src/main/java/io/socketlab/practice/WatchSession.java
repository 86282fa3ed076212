package io.socketlab.practice;

import io.socketlab.grade.CheckReport;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.ExerciseChecker;

import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import io.socketlab.render.WrappingPrintWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

/**
 * The learner's loop: checks the current exercise, then again whenever its files change (a save
 * during a check stops it and checks the new code), and reads
 * single keys: c check now, h hint, l list, r reset (asks first), n next and s solution (only after a
 * pass), q quit. Changes are
 * noticed through a {@link WatchService}; when a change shows up that no event announced (WSL,
 * network drives), it switches to comparing file times on every tick.
 */
public final class WatchSession {
    /**
     * The loop wakes at once for a key or a file event (each read on a thread of its own: jline's
     * read with a timeout returns only every 100 ms, which once delayed every save's check by up to
     * that much), else every tick, to look at file times.
     */
    private static final int TICK_MILLIS = 100;
    /** File times are compared every this many ticks (2 s) while file events seem to work. */
    private static final int FALLBACK_EVERY_TICKS = 20;

    private final Terminal terminal;
    private final PrintWriter out;
    private final Path courseRoot;
    private final List<Exercise> exercises;
    private final Lang lang;
    private final Messages text;
    private final boolean color;
    private final ProgressStore store;
    private final Consumer<CheckResult> verdicts;
    private final Function<Exercise, String> solutionView;
    private final ExerciseChecker checker;
    private boolean polling;
    /** How long the loop waits for a key or a file event before it looks at file times itself. */
    private long tickMillis = TICK_MILLIS;
    private Exercise current;
    private volatile boolean passed;
    /** Set by Ctrl-C, which ends watch as q does. */
    private volatile boolean stopRequested;
    /** The check running now, on its own thread, so a save or a key can replace it. */
    private Thread checking;
    /** Set when the running check was dropped for a newer one: it then prints nothing. */
    private boolean superseded;
    /** True while the running check is in its tests, the only time it may be interrupted. */
    private boolean judging;
    /** Guards {@link #superseded} and {@link #judging}. */
    private final Object phase = new Object();
    /** Keys that change the exercise or its files (r, n), kept until the running check ends. */
    private final ArrayDeque<Character> deferred = new ArrayDeque<>();
    /** Held while a verdict or a key's answer is printed, so the two never interleave. */
    private final Object screen = new Object();
    /** The exercise whose statement and folder were last pointed at. */
    private Exercise introduced;

    /**
     * @param verdicts told of every verdict, after it is printed (tests wait on it)
     * @param poll compare file times instead of waiting for file events
     * @param solutionView the reference solution as it is printed for the s key, once unlocked
     */
    public WatchSession(Terminal terminal, Path courseRoot, List<Exercise> exercises, Exercise start, Lang lang,
            boolean color, boolean poll, Function<Exercise, String> solutionView, Consumer<CheckResult> verdicts) {
        this.terminal = terminal;
        this.out = new WrappingPrintWriter(terminal.writer(), terminal::getWidth);
        this.courseRoot = courseRoot;
        this.exercises = exercises;
        this.current = start;
        this.lang = lang;
        this.text = Messages.of("grade", lang);
        this.color = color;
        this.polling = poll;
        this.store = new ProgressStore(courseRoot, warning -> out.println(warning.describe(lang)));
        this.verdicts = verdicts;
        this.solutionView = solutionView;
        this.checker = PracticeChecker.of(lang, courseRoot, true);
    }

    /** Waits {@code millis} between looks at file times (a test makes it long: saves are checked on their events). */
    WatchSession tick(long millis) {
        this.tickMillis = millis;
        return this;
    }

    /** Runs until the learner presses q or the input ends. */
    public void run() throws IOException {
        var attributes = terminal.enterRawMode();
        // Ctrl-C ends watch like q: left to the JVM's default, it would end the process with the
        // terminal still raw (no echo) for the learner's shell
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> stopRequested = true);
        try (WatchService watcher = FileSystems.getDefault().newWatchService();
             Events keys = new Events(terminal.reader(), watcher)) {
            WatchKeys watched = new WatchKeys(watcher);
            watched.register(current);
            long stamp = stamp(current);
            recheck();
            int tick = 0;
            while (true) {
                int key = keys.next(tickMillis);
                if (key == NonBlockingReader.EOF || key == 'q' || stopRequested) {
                    stopCheck();
                    out.println(text.get("watch.bye"));
                    out.flush();
                    return;
                }
                Exercise before = current;
                if (key > 0 && (!deferred.isEmpty() || checkRunning() && (key == 'r' || key == 'n'))) {
                    // keys typed after one that waits keep their order: the y after an r answers it
                    deferred.add((char) key);
                } else if (key > 0) {
                    handleKey((char) key, keys);
                }
                while (!checkRunning() && !deferred.isEmpty() && current == before) {
                    handleKey(deferred.poll(), keys);
                }
                if (current != before) {
                    watched.register(current);
                    stamp = stamp(current);
                    recheck();
                    continue;
                }
                boolean announced = keys.filesChanged();
                tick++;
                if (announced || polling || tick % FALLBACK_EVERY_TICKS == 0) {
                    long now = stamp(current);
                    if (now != stamp) {
                        if (!announced && !polling) {
                            polling = true;
                            out.println(text.get("watch.polling"));
                        }
                        stamp = now;
                        recheck();
                    }
                }
            }
        } finally {
            stopCheck();
            checker.close();
            terminal.handle(Terminal.Signal.INT, previous);
            terminal.setAttributes(attributes);
        }
    }

    /**
     * Checks the current exercise on a thread of its own, first stopping a check still running: a
     * save made while the tests of the previous one hang need not wait for its time limit.
     */
    private void recheck() {
        stopCheck();
        Exercise exercise = current;
        passed = false;
        synchronized (phase) {
            superseded = false;
            judging = true;
        }
        checking = new Thread(() -> check(exercise), "socketlab-watch-check");
        checking.setDaemon(true);
        checking.start();
    }

    private boolean checkRunning() {
        return checking != null && checking.isAlive();
    }

    /** Stops the running check, if any, without a verdict (the test JVM ends at the interrupt). */
    private void stopCheck() {
        if (checkRunning()) {
            synchronized (phase) {
                superseded = true;
                if (judging) {
                    // once the verdict is being reported (and progress saved) it is let finish
                    checking.interrupt();
                }
            }
            try {
                checking.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        checking = null;
    }

    private void check(Exercise exercise) {
        synchronized (screen) {
            if (color) {
                // like rustlings: the newest verdict stands alone at the top, not below the old ones
                terminal.puts(InfoCmp.Capability.clear_screen);
            }
            if (exercise != introduced) {
                // what to read and where to write, once per exercise (the screen is cleared after)
                introduced = exercise;
                String readme = lang == Lang.ZH ? "README.zh.md" : "README.md";
                out.println(text.get("watch.intro", exercise.id(), exercise.title(lang),
                        courseRoot.relativize(exercise.dir().resolve(readme)), courseRoot.relativize(exercise.srcDir())));
            }
            out.println(text.get("watch.checking", exercise.id()));
            out.flush();
        }
        CheckResult result = checker.check(exercise);
        synchronized (phase) {
            judging = false;
            if (superseded) {
                Thread.interrupted();
                return;
            }
        }
        synchronized (screen) {
            new CheckReport(lang, color).print(exercise, result, out);
            AfterCheck.record(store, exercise, result);
            passed = result.passed();
            AfterCheck.nextStep(exercise, result, AfterCheck.Where.WATCH, courseRoot, lang).ifPresent(out::println);
            if (passed) {
                Exercise next = next();
                out.println(next != null ? text.get("watch.offer-next", next.id()) : text.get("watch.all-done"));
            }
            out.println(text.get("watch.keys"));
            out.flush();
        }
        verdicts.accept(result);
    }

    private void handleKey(char key, Events keys) throws IOException {
        if (key == 'c') {
            // by hand, for folders where neither file events nor file times show a save in time;
            // not under the screen lock, which the check being replaced may be waiting for
            recheck();
            return;
        }
        synchronized (screen) {
            answerKey(key, keys);
        }
    }

    private void answerKey(char key, Events keys) throws IOException {
        switch (key) {
            case 'h' -> showHint();
            case 'l' -> {
                ExerciseList.lines(exercises, store.load(), current.id(), !color, lang).forEach(out::println);
            }
            case 'r' -> {
                out.println(text.get("cli.reset-ask", current.id(), current.srcDir()));
                out.flush();
                int answer = deferred.isEmpty() ? keys.nextKey() : deferred.poll();
                StarterSnapshot starter = new StarterSnapshot(courseRoot, current);
                if ((answer == 'y' || answer == 'Y') && !starter.exists()) {
                    out.println(text.get("cli.reset-no-starter", current.id()));
                } else if (answer == 'y' || answer == 'Y') {
                    starter.restore(current);
                    out.println(text.get("cli.reset-done", current.id()));
                } else {
                    out.println(text.get("cli.reset-kept"));
                }
            }
            case 's' -> {
                Progress progress = store.load();
                String refusal = Solutions.refusal(current, progress, lang);
                out.println(refusal != null ? refusal : solutionView.apply(current));
            }
            case 'n' -> {
                Exercise next = next();
                // passed in this session, or before it (a learner back to an exercise already done)
                boolean cleared = passed || store.load().isDone(current.id());
                if (cleared && next != null) {
                    current = next;
                    passed = false;
                } else if (cleared) {
                    out.println(text.get("watch.all-done"));
                } else if (next != null) {
                    // the way to skip names the exercise n would open
                    out.println(text.get("watch.next-locked", next.id()));
                } else {
                    out.println(text.get("watch.last-locked"));
                }
            }
            default -> out.println(text.get("watch.keys"));
        }
        out.flush();
    }

    private void showHint() {
        Progress after = store.update(progress -> Hints.advance(current, progress, lang));
        out.println(Hints.current(current, after, lang));
    }

    /**
     * The first exercise after this one that has not passed yet, going round to the start (one
     * skipped earlier comes back after the last); null when every other exercise has passed.
     */
    private Exercise next() {
        Progress progress = store.load();
        int at = exercises.indexOf(current);
        for (int step = 1; step < exercises.size(); step++) {
            Exercise candidate = exercises.get((at + step) % exercises.size());
            if (!progress.isDone(candidate.id())) {
                return candidate;
            }
        }
        return null;
    }

    /** A number that changes whenever a file under src/ or test/ is added, removed or saved. */
    private static long stamp(Exercise exercise) {
        long sum = 0;
        for (Path dir : List.of(exercise.srcDir(), exercise.testDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    sum = sum * 31 + p.hashCode();
                    sum = sum * 31 + Files.getLastModifiedTime(p).toMillis();
                    sum = sum * 31 + Files.size(p);
                }
            } catch (IOException e) {
                // a file vanished mid-walk (editors save by rename); the next tick sees the new state
                sum++;
            }
        }
        return sum;
    }

    /** The folders of the current exercise registered with the watch service. */
    private static final class WatchKeys {
        private final WatchService watcher;
        private final java.util.List<WatchKey> keys = new java.util.ArrayList<>();

        WatchKeys(WatchService watcher) {
            this.watcher = watcher;
        }

        void register(Exercise exercise) throws IOException {
            keys.forEach(WatchKey::cancel);
            keys.clear();
            for (Path dir : List.of(exercise.srcDir(), exercise.testDir())) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.filter(Files::isDirectory).toList()) {
                        keys.add(p.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
                    }
                }
            }
        }
    }

    /**
     * What the loop waits for, in one queue: keys, read on a thread of their own, and file events,
     * taken from the watch service on another. A key is read only after it was seen to be there
     * and while the session runs, so the keys typed after it ended are left for whoever reads next.
     */
    private static final class Events implements AutoCloseable {
        /** In the queue: a file event came (which {@link #filesChanged()} then says). */
        private static final int FILES = Integer.MIN_VALUE;
        private final java.util.concurrent.BlockingQueue<Integer> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        private final java.util.concurrent.atomic.AtomicBoolean files = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile boolean closed;

        Events(NonBlockingReader keys, WatchService watcher) {
            daemon("socketlab-watch-keys", () -> readKeys(keys));
            daemon("socketlab-watch-files", () -> takeFileEvents(watcher));
        }

        private static void daemon(String name, Runnable body) {
            Thread thread = new Thread(body, name);
            thread.setDaemon(true);
            thread.start();
        }

        private void readKeys(NonBlockingReader keys) {
            try {
                while (!closed) {
                    int seen = keys.peek(TICK_MILLIS);
                    if (seen == NonBlockingReader.READ_EXPIRED || closed) {
                        continue;
                    }
                    int key = keys.read();
                    queue.add(key);
                    if (key == NonBlockingReader.EOF) {
                        return;
                    }
                }
            } catch (IOException e) {
                queue.add(NonBlockingReader.EOF);
            }
        }

        private void takeFileEvents(WatchService watcher) {
            try {
                while (!closed) {
                    WatchKey key = watcher.take();
                    boolean any = !key.pollEvents().isEmpty();
                    key.reset();
                    if (any) {
                        files.set(true);
                        queue.add(FILES);
                    }
                }
            } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
                // the session ended
            }
        }

        /**
         * The next key, waiting at most {@code millis}: {@link NonBlockingReader#READ_EXPIRED} when
         * none came, also when a file event woke the wait (see {@link #filesChanged()}).
         */
        int next(long millis) throws IOException {
            try {
                Integer item = queue.poll(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
                return item == null || item == FILES ? NonBlockingReader.READ_EXPIRED : item;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }

        /** The next key, however long it takes (file events meanwhile are kept for {@link #filesChanged()}). */
        int nextKey() throws IOException {
            while (true) {
                try {
                    int item = queue.take();
                    if (item != FILES) {
                        return item;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException();
                }
            }
        }

        /** Whether a file event came since the last call. */
        boolean filesChanged() {
            return files.getAndSet(false);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
