package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warm-up rehearses the paths a check takes: its exercise passes its check, its learner's class
 * and test compile, and its slips fail with errors in their own file. If any went another way, the
 * archive would hold the classes of the wrong path, and nothing else would say so.
 */
class CheckRehearsalTest {
    @Test
    void theSourcesCompileAndTheSlipsDoNot() throws Exception {
        assertEquals(List.of(true, true), CheckRehearsal.compile());
    }

    @Test
    void theRehearsalExercisePassesItsCheckWithTheTestsCompiledThenKept() throws Exception {
        assertEquals("pass pass", CheckRehearsal.check());
    }
}
