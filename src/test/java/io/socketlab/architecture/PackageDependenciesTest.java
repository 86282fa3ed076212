package io.socketlab.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of docs/architecture.md, read from the main sources' imports: no package
 * imports a package that imports it back, the grading core knows no terminal and no demo, and the
 * test kit exercise tests import depends on nothing of ours but i18n.
 */
class PackageDependenciesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final Pattern FULLY_QUALIFIED = Pattern.compile("\\b(io\\.socketlab(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    /** Each package of ours with the packages (ours and others') its classes name. */
    private static Map<String, Set<String>> imports() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                assertTrue(declared.find(), file + " has no package line");
                Set<String> used = graph.computeIfAbsent(declared.group(1), p -> new TreeSet<>());
                for (Pattern pattern : List.of(IMPORT, FULLY_QUALIFIED)) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        String target = m.group(1);
                        if (!target.equals(declared.group(1))) {
                            used.add(target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    @Test
    void noPackageImportsAPackageThatImportsItBack() {
        Map<String, Set<String>> graph = imports();
        List<String> cycles = new ArrayList<>();
        for (String from : graph.keySet()) {
            for (String to : graph.get(from)) {
                if (from.compareTo(to) < 0 && reaches(graph, to, from, new TreeSet<>())) {
                    cycles.add(from + " <-> " + to);
                }
            }
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String goal, Set<String> seen) {
        if (from.equals(goal)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (graph.containsKey(next) && reaches(graph, next, goal, seen)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theGradingCoreImportsNeitherJlineNorTheDemos() {
        List<String> wrong = imports().getOrDefault("io.socketlab.grade", Set.of()).stream()
                .filter(p -> p.startsWith("org.jline") || p.startsWith("io.socketlab.demo")
                        || p.startsWith("io.socketlab.shell") || p.startsWith("io.socketlab.render"))
                .toList();
        assertEquals(List.of(), wrong);
    }

    @Test
    void theTestKitDependsOnNothingOfOursButI18n() {
        List<String> wrong = imports().getOrDefault("io.socketlab.testkit", Set.of()).stream()
                .filter(p -> p.startsWith("io.socketlab.") && !p.equals("io.socketlab.i18n"))
                .toList();
        assertEquals(List.of(), wrong);
    }
}
