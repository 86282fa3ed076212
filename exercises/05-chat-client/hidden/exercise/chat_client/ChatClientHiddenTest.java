package exercise.chat_client;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

// Instructor notes: the visible tests cover every requirement; these vary them: input ending in
// the middle of a chat without a final line break, two silent contacts in a row (a client that
// stops after the first timeout), and a contact name with spaces around it (strip the name too).
@Timeout(10)
class ChatClientHiddenTest {

    @Test
    void inputEndingMidChatReturnsNormally() throws Exception {
        ChatSession session = ChatSession.run("武大郎\nlast words", 2000);
        assertEquals(List.of("武大郎: LAST WORDS"), session.outputLines, session.describe());
    }

    @Test
    void twoSilencesInARowAreBothReported() throws Exception {
        ChatSession session = ChatSession.run("JACK\nsilence\nsilence\nback\n", 300);
        assertEquals(List.of("no reply from JACK", "no reply from JACK", "JACK: BACK"), session.outputLines, session.describe());
    }

    @Test
    void aContactNameWithSpacesAroundItIsFound() throws Exception {
        ChatSession session = ChatSession.run("  TOM  \nhi\n", 2000);
        assertEquals(List.of("TOM: HI"), session.outputLines, session.describe());
    }
}
