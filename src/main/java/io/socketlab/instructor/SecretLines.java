package io.socketlab.instructor;

import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lines of an exercise's hidden tests and reference solution that students never see, so that
 * what a learner's program printed can be shown to students without them: code that prints a hidden
 * test's source or the solution (read from the work folder, the class path or the course) gets each
 * such line replaced by a note saying how much was removed. Lines shared with the starter or the
 * visible tests are public, and short lines ({@code }}, {@code return n;}) give nothing away.
 */
public final class SecretLines {
    /** Shorter lines are kept: braces, blank lines and one-word statements reveal nothing. */
    static final int MIN_LENGTH = 12;

    private final List<String> secrets;
    private final Messages text;

    SecretLines(List<String> secrets, Lang lang) {
        this.secrets = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.text = Messages.of("instructor", lang);
    }

    /** The secret lines of {@code exercise}: its {@code hidden/} and {@code solution/} files less what is public. */
    public static SecretLines of(Exercise exercise, Lang lang) {
        Set<String> secret = new HashSet<>();
        lines(exercise.hiddenDir(), secret);
        lines(exercise.solutionDir(), secret);
        Set<String> open = new HashSet<>();
        lines(exercise.srcDir(), open);
        lines(exercise.testDir(), open);
        secret.removeAll(open);
        return new SecretLines(new ArrayList<>(secret), lang);
    }

    /** {@code printed} with every secret line in it replaced by a note; unchanged when it holds none. */
    public String redact(String printed) {
        if (printed == null || printed.isEmpty() || secrets.isEmpty()) {
            return printed == null ? "" : printed;
        }
        String shown = printed;
        for (String secret : secrets) {
            if (shown.contains(secret)) {
                shown = shown.replace(secret, text.get("redacted", secret.length()));
            }
        }
        return shown;
    }

    private static void lines(Path dir, Set<String> into) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\\R")) {
                    String kept = line.strip();
                    if (kept.length() >= MIN_LENGTH) {
                        into.add(kept);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
