package io.socketlab.grade;

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
 * {@code .socketlab/starter/<id>/} so {@code reset} can put it back.
 */
public final class StarterSnapshot {
    private final Path store;

    public StarterSnapshot(Path courseRoot, Exercise exercise) {
        this.store = courseRoot.resolve(".socketlab").resolve("starter").resolve(exercise.id());
    }

    /** Copies {@code src/} aside unless a copy already exists; the first copy is the starter. */
    public void keep(Exercise exercise) throws IOException {
        if (!Files.isDirectory(store)) {
            copyTree(exercise.srcDir(), store);
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
