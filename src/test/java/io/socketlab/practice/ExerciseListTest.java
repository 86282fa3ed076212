package io.socketlab.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketlab.TestFiles;
import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import io.socketlab.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExerciseListTest {
    @TempDir
    Path course;

    @Test
    void titlesLineUpAfterIdsOfEveryLengthAndTheCurrentOneIsMarked() throws Exception {
        TestFiles.copyFixture("01-passing", course);
        TestFiles.copyFixture("12-weights-and-output", course);
        List<Exercise> exercises = ExerciseLoader.load(course, new ArrayList<>());
        Progress progress = new Progress();
        progress.markDone("01-passing");

        List<String> lines = ExerciseList.lines(exercises, progress, "12-weights-and-output", true, Lang.EN);

        assertEquals(2, lines.size());
        assertEquals("   [x] 01-passing", lines.get(0).substring(0, 17));
        assertEquals(" > [ ] 12-weights-and-output", lines.get(1).substring(0, 28));
        String firstTitle = exercises.get(0).title(Lang.EN);
        String secondTitle = exercises.get(1).title(Lang.EN);
        assertEquals(lines.get(0).indexOf(firstTitle), lines.get(1).indexOf(secondTitle), String.join("\n", lines));
    }
}
