package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's compile rehearses both paths a check takes: its learner's class and test compile,
 * and its slips fail with errors in their own file. If either went the other way, the archive
 * would hold the compiler's classes for one path only, and nothing else would say so.
 */
class CompileRehearsalTest {
    @Test
    void theSourcesCompileAndTheSlipsDoNot() throws Exception {
        assertEquals(List.of(true, true), CompileRehearsal.run());
    }
}
