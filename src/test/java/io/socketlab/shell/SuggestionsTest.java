package io.socketlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> COMMANDS = List.of("read", "list", "grade", "check", "next");

    @Test
    void aSwapOfTwoLettersIsOneSlip() {
        assertEquals(1, Suggestions.distance("raed", "read"));
        assertEquals("read", Suggestions.closest("raed", COMMANDS));
        assertEquals("next", Suggestions.closest("nxet", COMMANDS));
    }

    @Test
    void addedRemovedAndChangedLetters() {
        assertEquals("check", Suggestions.closest("chek", COMMANDS));
        assertEquals("list", Suggestions.closest("lists", COMMANDS));
        assertEquals("grade", Suggestions.closest("grabe", COMMANDS));
    }

    @Test
    void nothingCloseIsNoSuggestion() {
        assertNull(Suggestions.closest("quantum", COMMANDS));
    }

    @Test
    void aShortWordTwoEditsAwayIsNoSlip() {
        // "foo" is two edits from "go", but that changes most of what was typed
        assertNull(Suggestions.closest("foo", List.of("go", "read", "next")));
        assertEquals("go", Suggestions.closest("og", List.of("go", "read")));
        assertEquals("next", Suggestions.closest("nxt", List.of("go", "next")));
    }
}
