package io.socketlab.practice;

import io.socketlab.grade.CompiledTestCache;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.i18n.Lang;
import java.nio.file.Path;

/**
 * The checker of a learner's practice ({@code check}, {@code watch} and the shell): the fast path,
 * with the tests compiled against the learner's classes kept in {@code .socketlab/compiled-tests/}
 * of the course, so a check after a save that changed no signature compiles only the learner's files.
 */
public final class PracticeChecker {
    private PracticeChecker() {
    }

    /** A checker for the course at {@code courseRoot}; {@code keepWarm} as {@link ExerciseChecker#ExerciseChecker(Lang, boolean)}. */
    public static ExerciseChecker of(Lang lang, Path courseRoot, boolean keepWarm) {
        Path kept = courseRoot.resolve(".socketlab").resolve("compiled-tests");
        return new ExerciseChecker(lang, keepWarm).keepingCompiledTests(new CompiledTestCache(kept));
    }
}
