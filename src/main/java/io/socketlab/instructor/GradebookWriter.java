package io.socketlab.instructor;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.course.Exercise;
import io.socketlab.grade.CheckReport;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.TestResult;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch's results: {@code gradebook.csv}, {@code feedback/<student>.json} and {@code .txt},
 * and Gradescope's {@code results/<student>/results.json}.
 */
public final class GradebookWriter {
    /** Learner output kept per feedback file. */
    static final int OUTPUT_LIMIT = 4 * 1024;

    private final Exercise exercise;
    private final Lang lang;
    private final Set<String> hiddenTests;

    public GradebookWriter(Exercise exercise, Lang lang) {
        this.exercise = exercise;
        this.lang = lang;
        this.hiddenTests = BatchGrader.hiddenTestNames(exercise);
    }

    /** Writes every file for {@code grades} under {@code out} (created if missing). */
    public void write(List<StudentGrade> grades, Path out) throws IOException {
        Map<String, String> files = fileNames(grades.stream().map(StudentGrade::student).toList());
        for (StudentGrade grade : grades) {
            writeFeedback(grade, out, files.get(grade.student()));
        }
        writeGradebook(grades, out);
    }

    /**
     * The file name of each student's feedback, in the order given (students sorted by name):
     * {@link #safeName}, with {@code -2}, {@code -3} for names that differ only in what it replaced,
     * or in case (macOS, Windows). Fixed before grading, so that files can be written as grades come.
     */
    public static Map<String, String> fileNames(List<String> students) {
        Map<String, String> files = new LinkedHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (String student : students) {
            String file = safeName(student);
            for (int n = 2; !taken.add(file.toLowerCase(java.util.Locale.ROOT)); n++) {
                file = safeName(student) + "-" + n;
            }
            files.put(student, file);
        }
        return files;
    }

    /**
     * Writes one student's {@code feedback/FILE.json}, {@code feedback/FILE.txt} and
     * {@code results/FILE/results.json}: a batch stopped half-way keeps those of the students graded.
     */
    public void writeFeedback(StudentGrade grade, Path out, String file) throws IOException {
        Files.createDirectories(out.resolve("feedback"));
        Files.writeString(out.resolve("feedback").resolve(file + ".json"), json(feedback(grade)), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("feedback").resolve(file + ".txt"), text(grade), StandardCharsets.UTF_8);
        Path results = Files.createDirectories(out.resolve("results").resolve(file));
        Files.writeString(results.resolve("results.json"), json(gradescope(grade)), StandardCharsets.UTF_8);
    }

    /** Writes {@code gradebook.csv}: a row per student, in the order given. */
    public void writeGradebook(List<StudentGrade> grades, Path out) throws IOException {
        StringBuilder csv = new StringBuilder("student,points,max,status,duration_ms,reason\n");
        for (StudentGrade grade : grades) {
            csv.append(csvField(grade.student())).append(',').append(format(grade.points())).append(',')
                    .append(grade.maxPoints()).append(',').append(grade.status()).append(',').append(grade.durationMs())
                    .append(',').append(csvField(reason(grade, lang))).append('\n');
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("gradebook.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> feedback(StudentGrade grade) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("student", grade.student());
        doc.put("exercise", exercise.id());
        doc.put("status", grade.status());
        doc.put("message", grade.result().message());
        doc.put("points", grade.points());
        doc.put("max_points", grade.maxPoints());
        doc.put("duration_ms", grade.durationMs());
        doc.put("tests", grade.result().tests().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("status", t.status());
            m.put("points", scaled(grade, t.points()));
            m.put("max_points", scaled(grade, t.maxPoints()));
            m.put("message", cut(t.message()));
            m.put("output", cut(t.output()));
            m.put("hidden", hiddenTests.contains(t.name()));
            return m;
        }).toList());
        doc.put("output", cut(grade.result().output()));
        return doc;
    }

    private Map<String, Object> gradescope(StudentGrade grade) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("score", grade.points());
        doc.put("execution_time", grade.durationMs() / 1000.0);
        CheckResult result = grade.result();
        // a compile error's message speaks of "the errors above", as in the check report
        doc.put("output", result.output().isBlank() ? result.message()
                : result.compileFailed() ? cut(result.output()) + "\n" + result.message()
                : result.message() + "\n\n" + cut(result.output()));
        doc.put("tests", grade.result().tests().stream().map(t -> gradescopeTest(grade, t)).toList());
        return doc;
    }

    private Map<String, Object> gradescopeTest(StudentGrade grade, TestResult t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("score", scaled(grade, t.points()));
        m.put("max_score", scaled(grade, t.maxPoints()));
        m.put("status", t.passed() ? "passed" : "failed");
        // Gradescope shows one text per test: the message, then what the test printed
        String printed = t.output().isBlank() ? "" : Messages.of("grade", lang).get("report.test-output") + "\n" + t.output();
        m.put("output", cut(t.message().isBlank() || printed.isEmpty() ? t.message() + printed : t.message() + "\n\n" + printed));
        m.put("visibility", hiddenTests.contains(t.name()) ? "after_published" : "visible");
        return m;
    }

    private String text(StudentGrade grade) {
        StringWriter buffer = new StringWriter();
        CheckResult shown = new CheckResult(grade.status(), grade.result().message(),
                grade.result().tests(), cut(grade.result().output()), grade.result().compileFailed());
        new CheckReport(lang, false).print(exercise, shown, new PrintWriter(buffer));
        return buffer.toString();
    }

    private static double scaled(StudentGrade grade, double points) {
        double max = grade.result().maxPoints();
        return max > 0 ? points * grade.maxPoints() / max : 0;
    }

    static String cut(String s) {
        if (s == null || s.length() <= OUTPUT_LIMIT) {
            return s == null ? "" : s;
        }
        return s.substring(0, OUTPUT_LIMIT) + "\n[... " + (s.length() - OUTPUT_LIMIT) + " more characters cut]";
    }

    /**
     * Why a grade is not a pass, in words that fit a gradebook row: the verdict, or for code that
     * does not compile the first compiler error ({@code does not compile: src/.../Transfers.java:26:
     * cannot find symbol}). Empty for a pass.
     */
    public static String reason(StudentGrade grade, Lang lang) {
        CheckResult result = grade.result();
        if (result.passed()) {
            return "";
        }
        if (result.compileFailed()) {
            String first = result.output().lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip();
            return first.isEmpty() ? result.message() : Messages.of("instructor", lang).get("gradebook.no-compile", first);
        }
        return result.message();
    }

    /**
     * A student folder name made safe as a file name on any system: letters and digits of every
     * script are kept (王小明 stays 王小明), with their accents and vowel signs (combining marks:
     * José as macOS writes it, नमस्ते), spaces and the characters Windows or a shell would trip on
     * become {@code _}.
     */
    static String safeName(String student) {
        return student.replaceAll("[^\\p{L}\\p{M}\\p{N}._-]", "_");
    }

    /** Points as shown: whole numbers plain, others with two decimals. */
    public static String format(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.format(Locale.ROOT, "%.2f", points);
    }

    private static String csvField(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        return oneLine.contains(",") || oneLine.contains("\"") ? "\"" + oneLine.replace("\"", "\"\"") + "\"" : oneLine;
    }

    private static String json(Map<String, Object> doc) throws IOException {
        return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(doc) + "\n";
    }
}
