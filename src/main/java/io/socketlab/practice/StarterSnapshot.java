package io.socketlab.practice;

import io.socketlab.course.Exercise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The starter code of an exercise as it was before the learner first touched it, kept in
 * {@code .socketlab/starter/<id>/} so {@code reset} can put it back. Every learner command keeps
 * a copy of each exercise it has not kept yet, so the copies are taken on the first run of
 * {@code ./socketlab}, before any exercise was opened.
 */
public final class StarterSnapshot {
    private final Path store;

    public StarterSnapshot(Path courseRoot, Exercise exercise) {
        this.store = storeOf(courseRoot, exercise.id());
    }

    private static Path storeOf(Path courseRoot, String id) {
        return courseRoot.resolve(".socketlab").resolve("starter").resolve(id);
    }

    /** Keeps a copy of the {@code src/} of every exercise under {@code courseRoot} that has none yet. */
    public static void keepAll(Path courseRoot) throws IOException {
        Path exercises = courseRoot.resolve("exercises");
        if (!Files.isDirectory(exercises)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(exercises)) {
            for (Path dir : dirs.sorted().toList()) {
                Path src = dir.resolve("src");
                Path store = storeOf(courseRoot, dir.getFileName().toString());
                if (Files.isDirectory(src) && !Files.isDirectory(store)) {
                    copyTree(src, store);
                }
            }
        }
    }

    public boolean exists() {
        return Files.isDirectory(store);
    }

    /** Replaces {@code src/} with the kept starter. */
    public void restore(Exercise exercise) throws IOException {
        Path src = exercise.srcDir();
        if (Files.isDirectory(src)) {
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        copyTree(store, src);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = walk.toList();
        }
        for (Path p : all) {
            Path target = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(target);
            } else {
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
