package io.socketlab.demo.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A trace cell breaks between words, so an address stays on one line. */
class TraceTimelineWrapTest {
    @Test
    void anAddressMovesToTheNextLineWhole() {
        assertEquals(List.of("accept from", "127.0.0.1:54321"), TraceTimeline.wrap("accept from 127.0.0.1:54321", 20));
    }

    @Test
    void escapedBytesKeepTheirIndentWhenTheyWrap() {
        assertEquals(List.of("  hello there and", "  goodbye\\n"), TraceTimeline.wrap("  hello there and goodbye\\n", 18));
    }
}
