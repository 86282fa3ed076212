package io.socketlab.grade;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The course's tests of an exercise compiled against a learner's classes, kept in a folder for the
 * next check of the same tests against classes with the same API ({@link ApiText}). Most saves
 * change what methods do, not what they are, so most checks take the tests' classes from here and
 * javac compiles only the learner's sources. Only practice uses it: grades compile everything.
 *
 * <p>The folder holds one folder per version of the tests (a digest of their files, the Java
 * running and this program's jar), and in it one entry per API they were compiled against: the
 * tests' class files and {@code sources.txt}, where each came from. An entry is made in a folder of
 * its own and renamed into place, so a reader never sees half of one.
 */
public final class CompiledTestCache {
    /** Changes when what an entry holds, or what its name digests, does. */
    private static final String FORMAT = "socketlab-compiled-tests-1";
    /** Versions of the tests kept, and entries of each; the ones used longest ago go first. */
    private static final int KEPT = 32;
    private static final String SOURCES = "sources.txt";

    private final Path folder;

    public CompiledTestCache(Path folder) {
        this.folder = folder;
    }

    /**
     * Compiles the sources in {@code learnerDirs} and the tests in {@code testDirs} into
     * {@code classes}, the tests' classes taken from an entry when one was kept for the learner's
     * API. Before any was kept for these tests, everything is compiled at once, as without this
     * cache, and the outcome returned whatever it is. Null when the caller should compile
     * everything at once instead: the learner's sources or the tests did not compile on their own
     * (one compile of everything then says what is wrong, as always), or a learner's class takes
     * the name of a test's.
     */
    LearnerCompiler.Outcome compile(List<Path> learnerDirs, List<Path> testDirs, Path classes, List<Path> shownBases, Locale locale,
            Path withheld, String withheldLabel) throws IOException {
        Path versions = folder.resolve(digest(testDirs));
        if (!anyEntry(versions)) {
            List<Path> all = new ArrayList<>(learnerDirs);
            all.addAll(testDirs);
            LearnerCompiler.Outcome outcome = LearnerCompiler.compile(all, classes, shownBases, locale, withheld, withheldLabel,
                    List.of(), learnerDirs);
            if (outcome.ok()) {
                Map<String, Path> tests = new HashMap<>(outcome.classSources());
                tests.values().removeIf(source -> testDirs.stream().noneMatch(d -> source.startsWith(d.toAbsolutePath().normalize())));
                keep(classes, tests, testDirs, versions.resolve(digest(outcome.api())));
            }
            return outcome;
        }
        LearnerCompiler.Outcome learner = LearnerCompiler.compile(learnerDirs, classes, shownBases, locale, null, "", List.of(),
                learnerDirs);
        if (!learner.ok()) {
            return null;
        }
        Path entry = versions.resolve(digest(learner.api()));
        Map<String, Path> tests = read(entry, testDirs);
        if (tests != null) {
            if (collide(learner, tests)) {
                return null;
            }
            try {
                copyClasses(entry.resolve("classes"), tests.keySet(), classes);
            } catch (java.nio.file.NoSuchFileException e) {
                return null; // deleted by another check meanwhile, or by hand
            }
            touch(entry);
        } else {
            Path made = classes.resolveSibling(classes.getFileName() + "-tests");
            LearnerCompiler.Outcome compiled = LearnerCompiler.compile(testDirs, made, shownBases, locale, withheld, withheldLabel,
                    List.of(classes), List.of());
            tests = compiled.classSources();
            if (!compiled.ok() || collide(learner, tests)) {
                ScratchFolders.delete(made);
                return null;
            }
            copyClasses(made, tests.keySet(), classes);
            keep(made, tests, testDirs, entry);
            ScratchFolders.delete(made);
        }
        touch(versions);
        Map<String, Path> sources = new HashMap<>(learner.classSources());
        sources.putAll(tests);
        return new LearnerCompiler.Outcome(true, "", Map.copyOf(sources), learner.api());
    }

    /** Marks a folder as just used, so pruning keeps it longest. */
    private static void touch(Path folder) {
        try {
            Files.setLastModifiedTime(folder, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // pruned by another check meanwhile: this check has what it needs
        }
    }

    private static boolean anyEntry(Path versions) {
        try (Stream<Path> entries = Files.list(versions)) {
            return entries.anyMatch(entry -> Files.isRegularFile(entry.resolve(SOURCES)));
        } catch (IOException e) {
            return false; // none kept yet (or pruned meanwhile)
        }
    }

    private static boolean collide(LearnerCompiler.Outcome learner, Map<String, Path> tests) {
        return tests.keySet().stream().anyMatch(learner.classSources()::containsKey);
    }

    /** The entry's classes by name, each with the test file it came from; null when there is no whole entry. */
    private static Map<String, Path> read(Path entry, List<Path> testDirs) {
        Path list = entry.resolve(SOURCES);
        if (!Files.isRegularFile(list)) {
            return null;
        }
        try {
            Map<String, Path> sources = new HashMap<>();
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 3);
                int dir = Integer.parseInt(parts[1]);
                sources.put(parts[0], testDirs.get(dir).resolve(parts[2]).toAbsolutePath().normalize());
            }
            return sources;
        } catch (IOException | RuntimeException e) {
            return null; // an entry damaged by hand is compiled again, and replaced
        }
    }

    /**
     * Keeps the classes of {@code tests} found in {@code made} as {@code entry}, as far as it can: a
     * course folder that cannot be written to only means the next check compiles the tests again.
     */
    private void keep(Path made, Map<String, Path> tests, List<Path> testDirs, Path entry) {
        try {
            keepNow(made, tests, testDirs, entry);
        } catch (IOException e) {
            // nothing is kept; the check itself has what it needs
        }
    }

    private void keepNow(Path made, Map<String, Path> tests, List<Path> testDirs, Path entry) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Path> test : new java.util.TreeMap<>(tests).entrySet()) {
            for (int i = 0; i < testDirs.size(); i++) {
                Path dir = testDirs.get(i).toAbsolutePath().normalize();
                if (test.getValue().startsWith(dir)) {
                    lines.append(test.getKey()).append('\t').append(i).append('\t').append(dir.relativize(test.getValue())).append('\n');
                    break;
                }
            }
        }
        Files.createDirectories(entry.getParent());
        Path work = Files.createTempDirectory(entry.getParent(), ".new-");
        try {
            copyClasses(made, tests.keySet(), work.resolve("classes"));
            Files.writeString(work.resolve(SOURCES), lines, StandardCharsets.UTF_8);
            if (Files.exists(entry) && read(entry, testDirs) == null) {
                ScratchFolders.delete(entry); // damaged: made again
            }
            Files.move(work, entry, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another check kept the same entry first
        } finally {
            ScratchFolders.delete(work);
        }
        prune(entry.getParent());
        prune(folder);
    }

    /** Deletes the folders in {@code parent} used longest ago beyond {@link #KEPT}. */
    private static void prune(Path parent) {
        try (Stream<Path> list = Files.list(parent)) {
            List<Path> entries = new ArrayList<>(list.filter(p -> !p.getFileName().toString().startsWith(".")).toList());
            if (entries.size() <= KEPT) {
                return;
            }
            Map<Path, Long> used = new HashMap<>();
            for (Path entry : entries) {
                used.put(entry, Files.getLastModifiedTime(entry).toMillis());
            }
            entries.sort(Comparator.comparing(used::get));
            entries.subList(0, entries.size() - KEPT).forEach(ScratchFolders::delete);
        } catch (IOException e) {
            // another check pruned at the same moment; what is left over goes next time
        }
    }

    /** Copies the class files of the classes named (nested ones included) from {@code from} to {@code to}. */
    private static void copyClasses(Path from, java.util.Set<String> names, Path to) throws IOException {
        for (String name : names) {
            String file = name.replace('.', '/') + ".class";
            Path target = to.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(from.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A digest of the tests' files and of what else their class files depend on but the learner's API. */
    private static String digest(List<Path> testDirs) throws IOException {
        StringBuilder facts = new StringBuilder(FORMAT).append('\n');
        facts.append(System.getProperty("java.home")).append('\n').append(System.getProperty("java.vm.version")).append('\n');
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            facts.append(entry).append(' ').append(Files.exists(jar) ? Files.size(jar) + " " + Files.getLastModifiedTime(jar) : "-")
                    .append('\n');
        }
        MessageDigest sha = sha();
        sha.update(facts.toString().getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < testDirs.size(); i++) {
            Path dir = testDirs.get(i);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    sha.update((i + "\t" + dir.relativize(file) + "\t" + Files.size(file) + "\n").getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(file));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static String digest(String api) {
        return HexFormat.of().formatHex(sha().digest(api.getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
