package io.socketlab.cli;

import io.socketlab.course.Course;
import io.socketlab.course.CourseException;
import io.socketlab.course.CourseLoader;
import io.socketlab.course.Includes;
import io.socketlab.course.Lesson;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import io.socketlab.render.LessonRenderer;
import io.socketlab.render.RenderOptions;
import io.socketlab.practice.StarterSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a command works on: the course folder, the learner's progress, the language and the
 * output. Loaded lazily so a command pays only for what it uses.
 */
final class Workspace {
    private final GlobalOptions options;
    private final PrintStream out;
    private final PrintStream err;
    private final Messages messages;
    private Course course;
    private ProgressStore store;
    private boolean startersKept;
    private Progress progress;
    private Includes includes;

    Workspace(GlobalOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.messages = Messages.of("cli", options.lang());
    }

    Lang lang() {
        return options.lang();
    }

    Messages messages() {
        return messages;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    GlobalOptions options() {
        return options;
    }

    /** The validated course; on problems prints them (file:line) and throws {@link Exit} with 1. */
    Course course() {
        if (course == null) {
            try {
                course = new CourseLoader(demoIds()).load(options.courseRoot());
            } catch (CourseException e) {
                err.println(messages.get("course.invalid"));
                err.println(e.describe(options.courseRoot(), options.lang()));
                err.println(messages.get("course.invalid.hint"));
                throw new Exit(1);
            }
        }
        return course;
    }

    static Set<String> demoIds() {
        return io.socketlab.demo.Demos.ids();
    }

    /**
     * The learner's progress file. Its first use also keeps a copy of every exercise's starter
     * code, before the learner could change it, for {@code reset}.
     */
    ProgressStore progressStore() {
        ProgressStore loaded = progressStoreOnly();
        if (!startersKept) {
            startersKept = true;
            try {
                StarterSnapshot.keepAll(options.courseRoot());
            } catch (IOException e) {
                err.println(messages.get("starter.unsaved", e.getMessage()));
            }
        }
        return loaded;
    }

    /** The progress file without keeping starters: for {@code reset}, which must not copy edited code as the starter. */
    ProgressStore progressStoreOnly() {
        if (store == null) {
            store = new ProgressStore(options.courseRoot(), this::warn);
        }
        return store;
    }

    /** The stored progress, read once; after {@link #updateProgress} the result of that. */
    Progress progress() {
        if (progress == null) {
            progress = progressStore().load();
        }
        return progress;
    }

    /** Changes the stored progress as it is now (other processes may have changed it too). */
    void updateProgress(Consumer<Progress> change) {
        progress = progressStore().update(change);
    }

    private void warn(ProgressStore.Warning warning) {
        err.println(warning.describe(options.lang()));
    }

    LessonRenderer renderer(RenderOptions renderOptions) {
        return new LessonRenderer(renderOptions, includes());
    }

    /** The course's included code, each file read once for every lesson this command loads and shows. */
    Includes includes() {
        if (includes == null) {
            includes = new Includes(options.courseRoot());
        }
        return includes;
    }

    /**
     * Chapter {@code number} in the learner's language, read alone when it loads cleanly (a
     * command that shows one chapter need not read the whole course), else from the whole course,
     * whose problems are then printed as {@link #course()} does; empty when there is no such chapter.
     */
    Optional<Lesson> chapter(int number) {
        var alone = new CourseLoader(demoIds()).loadChapter(options.courseRoot(), lang(), number, includes());
        return alone.isPresent() ? alone : course().lesson(lang(), number);
    }

    /** Ends a command with an exit code after its message was printed. */
    static final class Exit extends RuntimeException {
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
