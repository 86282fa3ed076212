package io.socketlab.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders the learner's code is given (a web server's site, say). Under the grader that code runs
 * in a sandbox that shows it only its own work folder, so the folder is made there; the tests
 * write into it as usual. Under plain Maven or an IDE the test's own folder is used.
 */
public final class LearnerFolders {
    private LearnerFolders() {
    }

    /** A new empty folder the learner's code can read: {@code otherwise} itself when that code runs in this JVM. */
    public static Path reachable(Path otherwise) throws IOException {
        Subject subject = Subject.current();
        if (subject == null) {
            return otherwise;
        }
        Path shared = Files.createDirectories(subject.work().resolve("shared"));
        Path folder = Files.createTempDirectory(shared, "test-");
        // made private to this JVM's user; the sandbox runs the learner's code as another one
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        return folder;
    }
}
