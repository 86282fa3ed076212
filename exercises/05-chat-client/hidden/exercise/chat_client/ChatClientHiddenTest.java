package exercise.chat_client;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

// Instructor notes: unknown names must not crash on a null address; a contact that never answers
// must not hang the client (the socket timeout is 300 ms here); quit at the contact prompt ends
// the run even when more input follows; input ending mid-chat returns normally.
@Timeout(10)
class ChatClientHiddenTest {

    @Test
    void anUnknownContactIsReportedAndTheClientCarriesOn() throws Exception {
        ChatSession session = ChatSession.run("BOB\nTOM\nhi\n", 2000);
        assertEquals(List.of("unknown contact: BOB", "TOM: HI"), session.outputLines, session.describe());
    }

    @Test
    void aContactThatNeverAnswersIsReportedNotWaitedForForever() throws Exception {
        ChatSession session = ChatSession.run("TOM\nsilence\nagain\n", 300);
        assertEquals(List.of("no reply from TOM", "TOM: AGAIN"), session.outputLines, session.describe());
    }

    @Test
    void quitAtTheContactPromptEndsTheRun() throws Exception {
        ChatSession session = ChatSession.run("JACK\none\nquit\nquit\nTOM\nnever sent\n", 2000);
        assertEquals(List.of("one"), session.serverHeard, session.describe());
        assertEquals(List.of("JACK: ONE"), session.outputLines, session.describe());
    }

    @Test
    void inputEndingMidChatReturnsNormally() throws Exception {
        ChatSession session = ChatSession.run("武大郎\nlast words", 2000);
        assertEquals(List.of("武大郎: LAST WORDS"), session.outputLines, session.describe());
    }
}
