package io.socketlab.grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts test results in the order their methods stand in the source, class by class, so a report
 * reads the way the exercise author wrote the tests (simple cases first). JUnit's own order is
 * deterministic but deliberately not the source order.
 */
final class SourceOrder {
    private SourceOrder() {
    }

    /**
     * The tests (maps with {@code class} and {@code method}, as the child reports them) sorted by
     * class in the order the classes first appear, then by where the method is declared. A test
     * whose source cannot be found keeps its place after the others of its class.
     */
    static List<Map<String, Object>> sort(List<Map<String, Object>> tests, List<Path> sourceDirs) {
        Map<String, Integer> classOrder = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (Map<String, Object> t : tests) {
            classOrder.putIfAbsent(String.valueOf(t.get("class")), classOrder.size());
        }
        List<Map<String, Object>> sorted = new ArrayList<>(tests);
        sorted.sort(Comparator.<Map<String, Object>>comparingInt(t -> classOrder.get(String.valueOf(t.get("class"))))
                .thenComparingInt(t -> position(t, sourceDirs, sources)));
        return sorted;
    }

    private static int position(Map<String, Object> test, List<Path> sourceDirs, Map<String, String> sources) {
        Object className = test.get("class");
        Object method = test.get("method");
        if (className == null || method == null) {
            return Integer.MAX_VALUE;
        }
        String text = sources.computeIfAbsent(String.valueOf(className), name -> read(name, sourceDirs));
        int at = text.indexOf(" " + method + "(");
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /** The source of the top-level class that declares {@code className}, or "" when not found. */
    private static String read(String className, List<Path> sourceDirs) {
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        String relative = topLevel.replace('.', '/') + ".java";
        String simple = relative.substring(relative.lastIndexOf('/') + 1);
        for (Path dir : sourceDirs) {
            // exercise folders may keep sources by package or flat
            for (Path candidate : List.of(dir.resolve(relative), dir.resolve(simple))) {
                if (Files.isRegularFile(candidate)) {
                    try {
                        return Files.readString(candidate, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        return "";
                    }
                }
            }
        }
        return "";
    }
}
