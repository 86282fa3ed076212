package io.socketlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A learner's read of a test's stream, served in the tests' JVM: it gives what one read of that
 * stream would give (all it has at once, up to what was asked), without an array as large as the ask.
 */
class ReadAtMostTest {
    @Test
    void aStreamThatHasEverythingAtOnceGivesItAllAsItsOwnReadWould() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 7];
        new Random(3).nextBytes(data);
        byte[] got = Subject.readAtMost(new ByteArrayInputStream(data), data.length);
        assertArrayEquals(data, got, "a byte array's stream gives all it holds in one read");
        assertEquals(100, Subject.readAtMost(new ByteArrayInputStream(data), 100).length, "no more than was asked");
    }

    @Test
    void aStreamThatHasOnlyAFewBytesGivesThoseWithoutWaitingForMore() throws Exception {
        try (PipedOutputStream out = new PipedOutputStream(); PipedInputStream in = new PipedInputStream(out)) {
            out.write(new byte[] {1, 2, 3});
            // the pipe stays open: waiting for the 4 MiB asked for would block this test for ever
            assertArrayEquals(new byte[] {1, 2, 3}, Subject.readAtMost(in, 4 * 1024 * 1024));
            out.close();
            assertNull(Subject.readAtMost(in, 10), "the end of the stream");
        }
    }
}
