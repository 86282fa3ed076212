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

/**
 * Writes a batch's results: {@code gradebook.csv}, {@code feedback/<student>.json} and {@code .txt},
 * and {@code results/<student>/results.json} in Gradescope's or PrairieLearn's format. What a
 * learner's program printed is shown without the lines of the hidden tests and the solution
 * ({@link SecretLines}), since every one of these files may reach students.
 */
public final class GradebookWriter {
    /** Learner output kept per feedback file. */
    static final int OUTPUT_LIMIT = 4 * 1024;
    /** PrairieLearn's limit on results.json ({@code docs/externalGrading.md}: "limited to 1 MB"). */
    static final int PRAIRIELEARN_BYTES = 1_000_000;
    /**
     * The UTF-8 byte-order mark that starts {@code gradebook.csv}: without it Excel reads the file
     * in the system's code page and Chinese names come out garbled; LibreOffice, Google Sheets and
     * Canvas's import skip it.
     */
    static final String BYTE_ORDER_MARK = "\uFEFF";

    /** The format of {@code results/<student>/results.json}. */
    public enum Format {
        GRADESCOPE, PRAIRIELEARN
    }

    private final Exercise exercise;
    private final Lang lang;
    private final SecretLines secrets;
    private final String hiddenVisibility;
    private final Format format;

    public GradebookWriter(Exercise exercise, Lang lang) {
        this(exercise, lang, Format.GRADESCOPE);
    }

    /**
     * @throws IllegalArgumentException when the exercise's front matter names a Gradescope
     *     visibility that does not exist, saying where
     */
    public GradebookWriter(Exercise exercise, Lang lang, Format format) {
        this.exercise = exercise;
        this.lang = lang;
        this.secrets = SecretLines.of(exercise, lang);
        this.hiddenVisibility = HiddenVisibility.of(exercise, lang);
        this.format = format;
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
        writeText(out.resolve("feedback").resolve(file + ".json"), json(feedback(grade)));
        writeText(out.resolve("feedback").resolve(file + ".txt"), text(grade));
        Path results = Files.createDirectories(out.resolve("results").resolve(file));
        writeText(results.resolve("results.json"), format == Format.PRAIRIELEARN ? prairieLearnJson(grade) : json(gradescope(grade)));
    }

    /** Writes {@code gradebook.csv}: a row per student, in the order given. */
    public void writeGradebook(List<StudentGrade> grades, Path out) throws IOException {
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK + "student,points,max,status,duration_ms,reason\n");
        for (StudentGrade grade : grades) {
            csv.append(csvField(grade.student())).append(',').append(format(grade.points())).append(',')
                    .append(grade.maxPoints()).append(',').append(grade.status()).append(',').append(grade.durationMs())
                    .append(',').append(csvField(reason(grade, lang))).append('\n');
        }
        Files.createDirectories(out);
        writeText(out.resolve("gradebook.csv"), csv.toString());
    }

    /**
     * Writes {@code text} as UTF-8, a lone half of a surrogate pair (what a learner's method returned,
     * shown in a test's message) becoming {@code ?}: {@link Files#writeString} would throw instead,
     * and one student's text would stop the batch's results.
     */
    static void writeText(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> feedback(StudentGrade grade) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("student", grade.student());
        doc.put("exercise", exercise.id());
        doc.put("status", grade.status());
        doc.put("message", grade.result().message());
        doc.put("points", rounded(grade.points()));
        doc.put("max_points", grade.maxPoints());
        doc.put("duration_ms", grade.durationMs());
        doc.put("tests", grade.result().tests().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("status", t.status());
            m.put("points", rounded(scaled(grade, t.points())));
            m.put("max_points", rounded(scaled(grade, t.maxPoints())));
            m.put("message", cut(t.message()));
            m.put("output", shown(t.output()));
            m.put("hidden", t.hidden());
            return m;
        }).toList());
        doc.put("output", shown(grade.result().output()));
        return doc;
    }

    /** What the learner's program printed, as students may see it: secret lines removed, then cut. */
    private String shown(String printed) {
        return cut(secrets.redact(printed));
    }

    private Map<String, Object> gradescope(StudentGrade grade) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("score", rounded(grade.points()));
        doc.put("execution_time", grade.durationMs() / 1000.0);
        CheckResult result = grade.result();
        // a compile error's message speaks of "the errors above", as in the check report
        doc.put("output", result.output().isBlank() ? result.message()
                : result.compileFailed() ? cut(result.output()) + "\n" + result.message()
                : result.message() + "\n\n" + shown(result.output()));
        // plain text with the learner's own line breaks and colours, never read as Markdown or HTML
        doc.put("output_format", "ansi");
        doc.put("test_output_format", "ansi");
        // run_autograder's log holds the grader's rows and paths: for the instructor only
        doc.put("stdout_visibility", "hidden");
        doc.put("tests", grade.result().tests().stream().map(t -> gradescopeTest(grade, t)).toList());
        return doc;
    }

    /**
     * PrairieLearn's external grader results: {@code score} from 0 to 1; code that does not compile
     * is not gradable, so the attempt is not charged, and its compiler errors are the format errors.
     */
    private Map<String, Object> prairieLearn(StudentGrade grade, int limit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        CheckResult result = grade.result();
        boolean gradable = !result.compileFailed();
        doc.put("gradable", gradable);
        doc.put("score", gradable && grade.maxPoints() > 0 ? rounded(grade.points() / grade.maxPoints(), 4) : 0.0);
        doc.put("message", cut(result.message(), limit));
        doc.put("output", cut(result.compileFailed() ? result.output() : secrets.redact(result.output()), limit));
        if (!gradable) {
            // javac repeats the source line under each error: a 500 KB line would make each entry as long
            doc.put("format_errors", result.output().lines().filter(line -> !line.isBlank()).limit(50)
                    .map(line -> cut(line, Math.min(limit, 1000))).toList());
        }
        doc.put("tests", result.tests().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", cut(t.name(), limit));
            m.put("points", rounded(scaled(grade, t.points())));
            m.put("max_points", rounded(scaled(grade, t.maxPoints())));
            m.put("message", cut(t.message(), limit));
            m.put("output", cut(secrets.redact(t.output()), limit));
            return m;
        }).toList());
        return doc;
    }

    /**
     * PrairieLearn's results.json, within {@link #PRAIRIELEARN_BYTES}: each text is cut at
     * {@link #OUTPUT_LIMIT} characters, and shorter still when the tests are so many, or their texts
     * so full of escaped characters, that the file would pass the limit.
     */
    String prairieLearnJson(StudentGrade grade) throws IOException {
        for (int limit = OUTPUT_LIMIT; ; limit /= 2) {
            String json = json(prairieLearn(grade, limit));
            if (json.getBytes(StandardCharsets.UTF_8).length <= PRAIRIELEARN_BYTES || limit <= 16) {
                return json;
            }
        }
    }

    private Map<String, Object> gradescopeTest(StudentGrade grade, TestResult t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("score", rounded(scaled(grade, t.points())));
        m.put("max_score", rounded(scaled(grade, t.maxPoints())));
        m.put("status", t.passed() ? "passed" : "failed");
        // Gradescope shows one text per test: the message, then what the test printed
        String printed = t.output().isBlank() ? "" : Messages.of("grade", lang).get("report.test-output") + "\n" + secrets.redact(t.output());
        m.put("output", cut(t.message().isBlank() || printed.isEmpty() ? t.message() + printed : t.message() + "\n\n" + printed));
        m.put("visibility", t.hidden() ? hiddenVisibility : "visible");
        return m;
    }

    private static double rounded(double value) {
        return rounded(value, 2);
    }

    private static double rounded(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private String text(StudentGrade grade) {
        StringWriter buffer = new StringWriter();
        CheckResult result = grade.result();
        List<TestResult> tests = result.tests().stream().map(t -> new TestResult(t.name(), t.status(), t.points(), t.maxPoints(),
                t.message(), secrets.redact(t.output()), t.hidden())).toList();
        CheckResult shown = new CheckResult(grade.status(), result.message(), tests,
                result.compileFailed() ? cut(result.output()) : shown(result.output()), result.compileFailed());
        new CheckReport(lang, false).print(exercise, shown, new PrintWriter(buffer));
        return buffer.toString();
    }

    private static double scaled(StudentGrade grade, double points) {
        double max = grade.result().maxPoints();
        return max > 0 ? points * grade.maxPoints() / max : 0;
    }

    static String cut(String s) {
        return cut(s, OUTPUT_LIMIT);
    }

    /** {@code s} cut to {@code limit} characters (never between the two halves of a surrogate pair), saying how many more there were. */
    static String cut(String s, int limit) {
        if (s == null || s.length() <= limit) {
            return s == null ? "" : s;
        }
        int end = Character.isHighSurrogate(s.charAt(limit - 1)) ? limit - 1 : limit;
        return s.substring(0, end) + "\n[... " + (s.length() - end) + " more characters cut]";
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

    /**
     * A CSV field that a spreadsheet shows as the text it is: a value a spreadsheet would run as a
     * formula ({@code =}, {@code +}, {@code -}, {@code @}, or a tab or carriage return before one)
     * gets a leading apostrophe, and a value with a comma, quote or line break is quoted, so a
     * line break stays inside its cell instead of starting a row.
     */
    static String csvField(String s) {
        String safe = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String json(Map<String, Object> doc) throws IOException {
        return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(doc) + "\n";
    }
}
