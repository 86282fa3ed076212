package io.socketlab.instructor;

import io.socketlab.course.Exercise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The autograder zip Gradescope asks for: {@code setup.sh} and {@code run_autograder} at its root
 * and the course in {@code course/}, with the exercises' visible and hidden tests but without any
 * {@code solution/} folder, the course's own test suite (its fixtures copy solutions) or build
 * output, but with every file a lesson includes (the launcher opens the course, lessons and all,
 * before it runs a command). {@code setup.sh} installs a JDK and Maven with apt-get on Gradescope's
 * Ubuntu image and builds the jar once, recording its start-up archive, so that each run starts fast;
 * {@code run_autograder} grades {@code /autograder/submission} (or {@code $AUTOGRADER_ROOT/submission})
 * as the one student of a batch and copies its results.json into place.
 */
public final class GradescopeBundle {
    /** What the bundle's course copies from the course root, when present. */
    static final List<String> COURSE_PARTS = List.of("pom.xml", "socketlab", "src", "lessons", "exercises");
    private static final Set<String> NEVER = Set.of("target", ".socketlab", ".git", "solution");
    private static final Path OWN_TESTS = Path.of("src", "test");
    /**
     * The time every entry carries. A zip stores local time without a zone, so a file's own time,
     * written east of Gradescope's UTC, would unpack in the future, newer than the jar setup.sh
     * builds: the launcher would then rebuild at every run. A fixed time long past unpacks older
     * than any build, wherever the zip was written, and makes the same course give the same zip.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(?:`{3,}|~{3,})(.*)$");

    private GradescopeBundle() {
    }

    /**
     * Writes the bundle for {@code exercise} of {@code course} to {@code zip}, through a file beside
     * it that is moved into place once complete.
     *
     * @throws Handout.LeakException when a file of the bundle holds a solution's code
     */
    public static void write(Path course, Exercise exercise, Path zip) throws IOException {
        Path root = course.toAbsolutePath().normalize();
        Path target = zip.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        SolutionScan scan = SolutionScan.of(root);
        Set<String> solutionDigests = solutionDigests(root);
        boolean done = false;
        Set<Path> added = new HashSet<>();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(partial))) {
            text(out, "setup.sh", setup());
            text(out, "run_autograder", runAutograder(exercise));
            for (String name : COURSE_PARTS) {
                Path from = root.resolve(name);
                if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.walkFileTree(from, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return NEVER.contains(dir.getFileName().toString()) || root.relativize(dir).equals(OWN_TESTS)
                                ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (!attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        Path relative = root.relativize(file);
                        boolean hidden = relative.getNameCount() > 2 && relative.getName(2).toString().equals("hidden");
                        copy(out, root, relative, !hidden, scan, solutionDigests);
                        added.add(relative);
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
            // what the lessons include from outside the parts above: the Python peers, the snippets under src/test
            for (Path relative : lessonIncludes(root)) {
                Path file = root.resolve(relative).normalize();
                if (!added.contains(relative) && file.startsWith(root) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    copy(out, root, relative, true, scan, solutionDigests);
                    added.add(relative);
                }
            }
            out.finish();
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Adds {@code course/RELATIVE}, refused when it is a solution file or (when {@code scanned}) holds a solution's code. */
    private static void copy(ZipOutputStream out, Path root, Path relative, boolean scanned, SolutionScan scan, Set<String> solutionDigests)
            throws IOException {
        Path file = root.resolve(relative);
        if (solutionDigests.contains(Handout.digest(file)) || scanned && scan.embedsASolution(file)) {
            throw new Handout.LeakException(relative);
        }
        ZipEntry entry = new ZipEntry("course/" + relative.toString().replace('\\', '/'));
        entry.setTimeLocal(ENTRY_TIME);
        out.putNextEntry(entry);
        Files.copy(file, out);
        out.closeEntry();
    }

    /** The files the lessons include ({@code include=PATH#REGION} on a fenced block), relative to the course. */
    static Set<Path> lessonIncludes(Path root) throws IOException {
        Set<Path> files = new TreeSet<>();
        Path lessons = root.resolve("lessons");
        if (!Files.isDirectory(lessons)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(lessons)) {
            for (Path md : walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).toList()) {
                for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
                    Matcher fence = FENCE.matcher(line);
                    if (fence.matches()) {
                        io.socketlab.course.Includes.specOf(fence.group(1))
                                .ifPresent(spec -> files.add(Path.of(spec.split("#", 2)[0]).normalize()));
                    }
                }
            }
        }
        return files;
    }

    /** Digests of the solution files that are not also given to learners (a shared helper is public). */
    private static Set<String> solutionDigests(Path root) throws IOException {
        Set<String> secret = new java.util.HashSet<>();
        Set<String> open = new java.util.HashSet<>();
        Path exercises = root.resolve("exercises");
        if (Files.isDirectory(exercises)) {
            try (var walk = Files.walk(exercises)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    Path relative = exercises.relativize(file);
                    boolean solution = relative.getNameCount() > 1 && relative.getName(1).toString().equals("solution");
                    (solution ? secret : open).add(Handout.digest(file));
                }
            }
        }
        secret.removeAll(open);
        return secret;
    }

    private static void text(ZipOutputStream out, String name, String text) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        out.putNextEntry(entry);
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    static String setup() {
        return """
                #!/usr/bin/env bash
                # Gradescope runs this once, as root, when it builds the autograder image (Ubuntu 22.04 or later).
                set -euo pipefail
                export DEBIAN_FRONTEND=noninteractive
                apt-get update
                # bubblewrap: grade runs the learner's code in its sandbox where the image allows it, else without
                apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven bubblewrap
                # a zip keeps no permissions: the scripts are made executable here
                chmod +x /autograder/source/run_autograder /autograder/source/course/socketlab
                if [ -f /autograder/run_autograder ]; then chmod +x /autograder/run_autograder; fi
                # Builds target/socketlab.jar and records its start-up archive now (not in the background:
                # the image is saved when this script ends), so that every run starts fast.
                SOCKETLAB_CACHE=now bash /autograder/source/course/socketlab --course /autograder/source/course list > /dev/null
                if ! find /autograder/source/course/target -maxdepth 1 \\( -name 'socketlab-*.jsa' -o -name 'socketlab-*.aot' \\) | grep -q .; then
                  echo "setup.sh: no start-up archive was recorded; every run will start more slowly." >&2
                fi
                """;
    }

    static String runAutograder(Exercise exercise) {
        return """
                #!/usr/bin/env bash
                # Gradescope runs this for each submission. AUTOGRADER_ROOT replaces /autograder, to try it anywhere.
                set -uo pipefail
                root="${AUTOGRADER_ROOT:-/autograder}"
                course="$root/source/course"
                work="$(mktemp -d)"
                trap 'rm -rf "$work"' EXIT
                mkdir -p "$work/students" "$root/results"
                student="$work/students/student"
                cp -R "$root/submission/." "$student/"
                rm -rf "$student/__MACOSX"
                if [ ! -d "$student/src" ] && [ ! -d "$student/exercises" ]; then
                  # a zip of the exercise folder or of a whole handout: the folder holding its src/ or exercises/
                  found="$(find "$student" -mindepth 2 -maxdepth 4 -type d \\( -name src -o -name exercises \\) \\
                    ! -path '*/__MACOSX/*' -printf '%d %p\\n' | sort -n | head -1 | cut -d' ' -f2-)"
                  if [ -n "$found" ]; then
                    mv "$(dirname "$found")" "$work/unwrapped" && rm -rf "$student" && mv "$work/unwrapped" "$student"
                  else
                    # files uploaded one by one (Transfers.java), or in their package folders: the student's src/
                    mkdir -p "$work/src"
                    find "$student" -mindepth 1 -maxdepth 1 -exec mv {} "$work/src/" \\;
                    mv "$work/src" "$student/src"
                  fi
                fi
                bash "$course/socketlab" --course "$course" grade --exercise EXERCISE --out "$work/out" "$work/students" \\
                  > "$work/log" 2>&1
                cat "$work/log"
                if [ -f "$work/out/results/student/results.json" ]; then
                  cp "$work/out/results/student/results.json" "$root/results/results.json"
                else
                  printf '{"score": 0, "output": "The grader could not grade this submission; your instructor has the log.", "stdout_visibility": "hidden", "tests": []}\\n' \\
                    > "$root/results/results.json"
                fi
                """.replace("EXERCISE", exercise.id());
    }
}
