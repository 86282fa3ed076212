package io.socketlab.instructor;

import io.socketlab.course.Exercise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A gradebook Canvas imports (Grades, Import): the five columns of Canvas's own export (Student,
 * ID, SIS User ID, SIS Login ID, Section) for each student of the roster, a Points Possible row,
 * then the assignment's column. The roster is that export, in any of the shapes Canvas writes
 * ({@code lib/gradebook_exporter.rb}): {@code LastName, FirstName} for {@code Student}, no
 * {@code SIS User ID} for a teacher who may not see it, {@code Integration ID} or {@code Root
 * Account} before {@code Section}, custom columns after it, {@code ;} between cells where the
 * user's locale writes decimal commas. A submission is matched to its row by the Canvas user id at
 * the end of its folder name ({@code smithbob_340934}, as {@link SubmissionArchive} names it), else
 * by the folder name being the student's SIS Login ID, SIS User ID or name.
 */
public final class CanvasGradebook {
    static final List<String> FIXED = List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");
    private static final Pattern TRAILING_ID = Pattern.compile("_(\\d+)$");
    private static final String SHAPE = "Student (or LastName, FirstName), ID, [SIS User ID,] [SIS Login ID,] Section";

    /** The roster is not a Canvas gradebook export. */
    public static final class BadRoster extends IOException {
        public BadRoster(String why) {
            super(why);
        }
    }

    /** One student of the roster, as the import file writes them. */
    private record Student(String name, String id, String sisUserId, String sisLoginId, String section) {
    }

    private final List<Student> students;
    private final List<String> assignmentHeaders;
    private final List<String> pointsPossible;

    private CanvasGradebook(List<Student> students, List<String> assignmentHeaders, List<String> pointsPossible) {
        this.students = students;
        this.assignmentHeaders = assignmentHeaders;
        this.pointsPossible = pointsPossible;
    }

    /** Reads Canvas's gradebook export; its "Points Possible" row and other rows without a numeric ID are not students. */
    public static CanvasGradebook roster(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> table = parse(text, ',');
        boolean semicolons = table.isEmpty() || table.get(0).size() < 4;
        if (semicolons) {
            table = parse(text, ';');
        }
        List<String> header = table.isEmpty() ? List.of() : table.get(0).stream().map(String::strip).toList();
        boolean lastFirst = header.size() > 1 && header.get(0).equals("LastName") && header.get(1).equals("FirstName");
        int id = header.indexOf("ID");
        int section = header.indexOf("Section");
        if (!(lastFirst || !header.isEmpty() && header.get(0).equals("Student")) || id != (lastFirst ? 2 : 1) || section < id) {
            throw new BadRoster(SHAPE);
        }
        int sisUser = header.indexOf("SIS User ID");
        int sisLogin = header.indexOf("SIS Login ID");
        List<String> points = List.of();
        List<Student> students = new ArrayList<>();
        for (List<String> row : table.subList(1, table.size())) {
            if (!row.isEmpty() && row.get(0).contains("Points Possible")) {
                points = row;
            }
            if (row.size() <= id || !row.get(id).strip().matches("\\d+")) {
                continue;
            }
            String name = lastFirst ? cell(row, 0) + ", " + cell(row, 1) : cell(row, 0);
            students.add(new Student(name, row.get(id).strip(), cell(row, sisUser), cell(row, sisLogin), cell(row, section)));
        }
        List<String> points1 = points;
        List<String> assignments = IntStream.range(section + 1, header.size()).mapToObj(header::get).toList();
        List<String> possible = IntStream.range(section + 1, header.size())
                .mapToObj(i -> semicolons ? cell(points1, i).replace(',', '.').strip() : cell(points1, i).strip()).toList();
        return new CanvasGradebook(students, assignments, possible);
    }

    private static String cell(List<String> row, int index) {
        return index >= 0 && index < row.size() ? row.get(index) : "";
    }

    /**
     * The header of the assignment's column: the roster's own column for it when one starts with the
     * exercise's id or title (Canvas names them {@code Title (ASSIGNMENT_ID)}), else the exercise's id,
     * which Canvas offers to make a new assignment of.
     */
    String assignmentColumn(Exercise exercise) {
        int column = existingColumn(exercise);
        return column < 0 ? exercise.id() : assignmentHeaders.get(column);
    }

    private int existingColumn(Exercise exercise) {
        String title = exercise.title(io.socketlab.i18n.Lang.EN);
        for (int i = 0; i < assignmentHeaders.size(); i++) {
            String c = assignmentHeaders.get(i);
            if (c.startsWith(exercise.id()) || !title.isBlank() && c.startsWith(title)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The points the Canvas assignment is worth: the roster's Points Possible for its column, or the
     * exercise's points for a new column. Canvas's import sets the assignment's points to this row's
     * value, so the roster's own value is kept, and grades are scaled to it.
     */
    double pointsPossible(Exercise exercise) {
        int column = existingColumn(exercise);
        if (column >= 0) {
            try {
                double points = Double.parseDouble(pointsPossible.get(column));
                if (points > 0 && Double.isFinite(points)) {
                    return points;
                }
            } catch (NumberFormatException e) {
                // read only, or empty: the exercise's points
            }
        }
        return exercise.points();
    }

    /** Writes the import file; returns the names of the graded students no roster row matched. */
    public List<String> write(Exercise exercise, List<StudentGrade> grades, Path file) throws IOException {
        Map<String, StudentGrade> byRow = new HashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (StudentGrade grade : grades) {
            Student row = match(grade.student());
            if (row == null) {
                unmatched.add(grade.student());
            } else {
                byRow.put(row.id(), grade);
            }
        }
        double possible = pointsPossible(exercise);
        StringBuilder csv = new StringBuilder(GradebookWriter.BYTE_ORDER_MARK);
        List<String> head = new ArrayList<>(FIXED);
        head.add(assignmentColumn(exercise));
        line(csv, head);
        line(csv, List.of("    Points Possible", "", "", "", "", GradebookWriter.format(possible)));
        for (Student student : students) {
            StudentGrade grade = byRow.get(student.id());
            // an empty cell leaves Canvas's grade as it is: a student without a submission keeps theirs
            String score = grade == null ? ""
                    : GradebookWriter.format(Math.round(grade.points() * possible / grade.maxPoints() * 100) / 100.0);
            line(csv, List.of(student.name(), student.id(), student.sisUserId(), student.sisLoginId(), student.section(), score));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        GradebookWriter.writeText(file, csv.toString());
        return unmatched;
    }

    private Student match(String folder) {
        Matcher id = TRAILING_ID.matcher(folder);
        if (id.find()) {
            for (Student student : students) {
                if (student.id().equals(id.group(1))) {
                    return student;
                }
            }
        }
        String wanted = folder.strip().toLowerCase(Locale.ROOT);
        for (java.util.function.Function<Student, String> column : List.<java.util.function.Function<Student, String>>of(
                Student::sisLoginId, Student::sisUserId, Student::name)) {
            for (Student student : students) {
                String value = column.apply(student).strip();
                if (!value.isEmpty() && value.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return student;
                }
            }
        }
        return null;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(GradebookWriter.csvField(cells.get(i)));
        }
        csv.append('\n');
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
        return parse(text, ',');
    }

    /** {@link #parse(String)} with {@code separator} between cells ({@code ;} where a locale writes decimal commas). */
    static List<List<String>> parse(String text, char separator) {
        List<List<String>> table = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                table.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (any) {
            row.add(cell.toString());
            table.add(row);
        }
        return table;
    }
}
