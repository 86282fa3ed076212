package io.socketlab.grade;

import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a {@link CheckResult} for a person (text, optional colour) or a program (JSON). */
public final class CheckReport {
    /** Version of the JSON schema described in docs/grading-json.md. */
    public static final int JSON_VERSION = 1;

    private final Messages text;
    private final boolean color;

    public CheckReport(Lang lang, boolean color) {
        this.text = Messages.of("grade", lang);
        this.color = color;
    }

    /**
     * Prints one line per test (a failed one with its message and what it printed), the score and
     * the verdict; when no test could run, what the program printed before it stopped.
     */
    public void print(Exercise exercise, CheckResult result, PrintWriter out) {
        out.println(text.get("report.header", exercise.id(), exercise.title(text.lang())));
        for (TestResult test : result.tests()) {
            String mark = test.passed() ? paint("32", "✓") : paint("31", "✗");
            out.println("  " + mark + " " + test.name() + "  " + text.get("report.points", format(test.points()), format(test.maxPoints())));
            if (!test.passed() && !test.message().isBlank()) {
                test.message().lines().forEach(line -> out.println("      " + line));
            }
            if (!test.passed() && !test.output().isBlank()) {
                out.println("      " + text.get("report.test-output"));
                test.output().lines().forEach(line -> out.println("      | " + line));
            }
        }
        if (result.compileFailed()) {
            out.print(result.output());
        } else if (result.tests().isEmpty() && !result.output().isBlank()) {
            // With tests, what each failed test printed is shown under it, as JUnit and cargo do.
            out.println(text.get("report.output"));
            result.output().lines().forEach(line -> out.println("  | " + line));
        }
        if (!result.tests().isEmpty()) {
            out.println(text.get("report.score", format(result.points()), format(result.maxPoints())));
            long hidden = result.tests().stream().filter(TestResult::hidden).count();
            long visible = result.tests().size() - hidden;
            out.println(hidden == 0 ? text.get("report.share-visible", visible, format(result.maxPoints()))
                    : text.get("report.share", format(result.maxPoints()), visible, hidden));
        }
        String colour = result.passed() ? "32" : "31";
        out.println(paint(colour, result.message()));
        out.flush();
    }

    /** Writes the result as the versioned JSON document of docs/grading-json.md. */
    public static String json(Exercise exercise, CheckResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", JSON_VERSION);
        doc.put("exercise", exercise.id());
        doc.put("status", result.status());
        doc.put("message", result.message());
        doc.put("points", rounded(result.points()));
        // when nothing was judged, what was at stake is still the exercise's points
        doc.put("max_points", result.tests().isEmpty() ? (double) exercise.points() : rounded(result.maxPoints()));
        doc.put("output", result.output());
        List<Map<String, Object>> tests = result.tests().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("status", t.status());
            m.put("points", rounded(t.points()));
            m.put("max_points", rounded(t.maxPoints()));
            m.put("hidden", t.hidden());
            m.put("message", t.message());
            m.put("output", t.output());
            return m;
        }).toList();
        doc.put("tests", tests);
        try {
            return com.fasterxml.jackson.jr.ob.JSON.std.with(com.fasterxml.jackson.jr.ob.JSON.Feature.PRETTY_PRINT_OUTPUT).asString(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String paint(String code, String s) {
        return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }

    /** Points as the gradebook writes them: whole numbers bare, others with at most two decimals. */
    private static String format(double points) {
        return java.math.BigDecimal.valueOf(rounded(points)).stripTrailingZeros().toPlainString();
    }

    /** Points rounded to two decimals, as every format shows them. */
    public static double rounded(double points) {
        return java.math.BigDecimal.valueOf(points).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
