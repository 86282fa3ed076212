package io.socketlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of course folders for tests, which then change them freely in a temporary folder. */
public final class TestFiles {
    /** The small course of test exercises: passing, failing, looping, leaking... */
    public static final Path FIXTURES = Path.of("src/test/resources/fixtures/course/exercises");

    private TestFiles() {
    }

    /** Copies the tree at {@code from} into {@code to}, creating folders and replacing files; returns {@code to}. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    /** Copies the fixture exercise {@code id} into {@code course}'s exercises folder; returns its copy. */
    public static Path copyFixture(String id, Path course) throws IOException {
        return copyTree(FIXTURES.resolve(id), course.resolve("exercises").resolve(id));
    }
}
