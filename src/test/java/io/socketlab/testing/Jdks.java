package io.socketlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The JDKs of this machine: the one running the tests and those installed beside it in /usr/lib/jvm. */
public final class Jdks {
    private Jdks() {
    }

    /** The feature version of the JDK at {@code home}, from its release file; 0 when it has none. */
    public static int feature(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        for (String line : Files.readAllLines(release)) {
            if (line.startsWith("JAVA_VERSION=\"")) {
                String digits = line.substring("JAVA_VERSION=\"".length()).replaceAll("[^0-9].*", "");
                return digits.isEmpty() ? 0 : Integer.parseInt(digits);
            }
        }
        return 0;
    }

    /** A JDK of at least {@code version}: the running one if it is, else the first in /usr/lib/jvm; empty when there is none. */
    public static Optional<Path> atLeast(int version) throws IOException {
        Path running = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= version) {
            return Optional.of(running);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                if (Files.isExecutable(home.resolve("bin/java")) && feature(home) >= version) {
                    return Optional.of(home);
                }
            }
        }
        return Optional.empty();
    }
}
