package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roster in the shapes Canvas's gradebook export has ({@code lib/gradebook_exporter.rb}), and
 * the import file in the shape Canvas's importer reads ({@code app/models/gradebook_importer.rb}:
 * Student, ID, SIS User ID, SIS Login ID, Section, a Points Possible row whose value becomes the
 * assignment's points).
 */
class CanvasGradebookTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    private static Exercise sendAll() {
        return ExerciseLoader.load(COURSE, new ArrayList<>()).stream().filter(e -> e.id().equals("06-send-all")).findFirst().orElseThrow();
    }

    /** A grade of {@code points} out of the exercise's 10. */
    private static StudentGrade grade(String student, double points) {
        CheckResult result = new CheckResult(points == 10 ? "pass" : "fail", "", List.of(new TestResult("t", "fail", points, 10, "", "", false)), "", false);
        return new StudentGrade(student, result, 10, 1);
    }

    private List<List<String>> importFile(String roster, StudentGrade... grades) throws Exception {
        Path csv = dir.resolve("roster.csv");
        Files.writeString(csv, roster, StandardCharsets.UTF_8);
        Path out = dir.resolve("canvas.csv");
        CanvasGradebook.roster(csv).write(sendAll(), List.of(grades), out);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        return CanvasGradebook.parse(text.substring(1));
    }

    @Test
    void aTeacherWhoMayNotSeeSisUserIdsGetsTheFiveColumnsAllTheSame() throws Exception {
        // no SIS User ID, an Integration ID and a custom column: the export of a teacher without "view SIS ID"
        List<List<String>> rows = importFile("Student,ID,SIS Login ID,Integration ID,Section,Notes,06-send-all (991)\n"
                + "    Points Possible,,,,,,10.00\n"
                + "\"Smith, Bob\",340934,bsmith,int-1,A,quiet,\n",
                grade("smithbob_340934", 10));
        assertEquals(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", "06-send-all (991)"), rows.get(0));
        assertEquals(List.of("Smith, Bob", "340934", "", "bsmith", "A", "10"), rows.get(2));
    }

    @Test
    void lastNameFirstNameColumnsBecomeOneStudentColumn() throws Exception {
        List<List<String>> rows = importFile("LastName,FirstName,ID,SIS User ID,SIS Login ID,Section\n"
                + "    Points Possible,,,,,\n"
                + "Wang,Xiaoming,55,S55,xwang,B\n",
                grade("xwang", 5));
        assertEquals(List.of("Wang, Xiaoming", "55", "S55", "xwang", "B", "5"), rows.get(2), "matched by SIS Login ID");
        assertEquals("06-send-all", rows.get(0).get(5), "no column for the exercise: Canvas offers to create it");
        assertEquals("10", rows.get(1).get(5));
    }

    @Test
    void aSemicolonExportWithDecimalCommasKeepsItsPointsPossibleAndGradesAreScaledToThem() throws Exception {
        // Canvas writes ; between cells for a locale with decimal commas; its importer reads either
        List<List<String>> rows = importFile("Student;ID;SIS User ID;SIS Login ID;Section;06-send-all (777)\n"
                + "    Points Possible;;;;;100,00\n"
                + "\"Lee, Ann\";12;S12;alee;A;\n",
                grade("lee_12", 4.62));
        // the importer sets the assignment's points to this row's value: 10 would shrink the assignment
        assertEquals(List.of("    Points Possible", "", "", "", "", "100"), rows.get(1));
        assertEquals("46.2", rows.get(2).get(5).replaceAll("0+$", ""));
    }

    @Test
    void aFileThatIsNotACanvasExportIsRefused() throws Exception {
        Path csv = dir.resolve("roster.csv");
        for (String header : List.of("name,points\n", "Student,SIS Login ID,ID,Section\n", "Student,ID,SIS Login ID\n", "")) {
            Files.writeString(csv, header);
            assertThrows(CanvasGradebook.BadRoster.class, () -> CanvasGradebook.roster(csv), header);
        }
    }
}
