package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceOrderTest {
    @TempDir
    Path dir;

    @Test
    void testsComeInTheOrderTheyAreWrittenClassByClass() throws Exception {
        Files.createDirectories(dir.resolve("exercise/demo"));
        Files.writeString(dir.resolve("exercise/demo/FirstTest.java"),
                "class FirstTest {\n @Test void simplest() {}\n @Test void harder() {}\n @Test void hardest() {}\n}\n");
        Files.writeString(dir.resolve("exercise/demo/SecondTest.java"), "class SecondTest {\n @Test void alpha() {}\n}\n");
        List<Map<String, Object>> junitOrder = List.of(
                test("exercise.demo.FirstTest", "hardest"),
                test("exercise.demo.FirstTest", "notInTheSource"),
                test("exercise.demo.SecondTest", "alpha"),
                test("exercise.demo.FirstTest", "simplest"),
                test("exercise.demo.FirstTest", "harder"));
        List<Object> sorted = SourceOrder.sort(junitOrder, List.of(dir)).stream().map(t -> t.get("method")).toList();
        assertEquals(List.of("simplest", "harder", "hardest", "notInTheSource", "alpha"), sorted);
    }

    private static Map<String, Object> test(String className, String method) {
        return Map.of("class", className, "method", method);
    }
}
