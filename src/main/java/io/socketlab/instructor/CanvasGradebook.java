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

/**
 * A gradebook Canvas imports (Grades, Import): the five columns of Canvas's own export (Student,
 * ID, SIS User ID, SIS Login ID, Section) for each student of the roster, then the assignment's
 * column. The roster is that export; a submission is matched to its row by the Canvas user id at
 * the end of its folder name ({@code smithbob_340934}, as {@link SubmissionArchive} names it), else
 * by the folder name being the student's SIS Login ID, SIS User ID or name.
 */
public final class CanvasGradebook {
    static final List<String> FIXED = List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");
    private static final Pattern TRAILING_ID = Pattern.compile("_(\\d+)$");

    /** The roster is not a Canvas gradebook export. */
    public static final class BadRoster extends IOException {
        public BadRoster(String why) {
            super(why);
        }
    }

    private final List<List<String>> rows;
    private final List<String> header;

    private CanvasGradebook(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** Reads Canvas's gradebook export; its "Points Possible" and other rows without an ID are not students. */
    public static CanvasGradebook roster(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        List<List<String>> table = parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (table.isEmpty() || !table.get(0).subList(0, Math.min(5, table.get(0).size())).stream().map(String::strip).toList().equals(FIXED)) {
            throw new BadRoster(String.join(",", FIXED));
        }
        List<List<String>> students = table.subList(1, table.size()).stream()
                .filter(r -> r.size() >= 2 && r.get(1).strip().matches("\\d+")).toList();
        return new CanvasGradebook(table.get(0), students);
    }

    /**
     * The header of the assignment's column: the roster's own column for it when one starts with the
     * exercise's id or title (Canvas names them {@code Title (ASSIGNMENT_ID)}), else the exercise's id,
     * which Canvas offers to make a new assignment of.
     */
    String assignmentColumn(Exercise exercise) {
        String title = exercise.title(io.socketlab.i18n.Lang.EN);
        for (String column : header.subList(Math.min(5, header.size()), header.size())) {
            String c = column.strip();
            if (c.startsWith(exercise.id()) || !title.isBlank() && c.startsWith(title)) {
                return c;
            }
        }
        return exercise.id();
    }

    /** Writes the import file; returns the names of the graded students no roster row matched. */
    public List<String> write(Exercise exercise, List<StudentGrade> grades, Path file) throws IOException {
        Map<String, StudentGrade> byRow = new HashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (StudentGrade grade : grades) {
            List<String> row = match(grade.student());
            if (row == null) {
                unmatched.add(grade.student());
            } else {
                byRow.put(row.get(1).strip(), grade);
            }
        }
        StringBuilder csv = new StringBuilder(GradebookWriter.BYTE_ORDER_MARK);
        List<String> head = new ArrayList<>(FIXED);
        head.add(assignmentColumn(exercise));
        line(csv, head);
        line(csv, List.of("    Points Possible", "", "", "", "", String.valueOf(exercise.points())));
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                cells.add(i < row.size() ? row.get(i) : "");
            }
            StudentGrade grade = byRow.get(row.get(1).strip());
            // an empty cell leaves Canvas's grade as it is: a student without a submission keeps theirs
            cells.add(grade == null ? "" : GradebookWriter.format(grade.points()));
            line(csv, cells);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        return unmatched;
    }

    private List<String> match(String student) {
        Matcher id = TRAILING_ID.matcher(student);
        if (id.find()) {
            for (List<String> row : rows) {
                if (row.get(1).strip().equals(id.group(1))) {
                    return row;
                }
            }
        }
        String wanted = student.strip().toLowerCase(Locale.ROOT);
        for (int column : new int[] {3, 2, 0}) {
            for (List<String> row : rows) {
                if (row.size() > column && !row.get(column).isBlank() && row.get(column).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return row;
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
            } else if (c == ',') {
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
