package exercise.group_chat;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;


// Instructor notes: the visible tests cover every requirement; these vary them: two resets in a
// row (a server that removes the first dead client but breaks its broadcast loop on the second),
// and fifty quick lines, which catch a relay that drops, reorders or splits lines.
@Timeout(20)
class GroupChatServerHiddenTest {

    private static List<RecordingClient> join(ServerRunner server, int count) {
        List<RecordingClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordingClient client = RecordingClient.connect(server.port());
            clients.add(client);
            client.expectReply("welcome\n");
        }
        return clients;
    }

    @Test
    void twoResetsInARowLeaveTheOthersChatting() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 4);
            try {
                clients.get(1).reset();
                clients.get(2).reset();
                clients.get(0).send("who is left?\n");
                clients.get(3).expectReply("who is left?\n");
                clients.get(3).send("me\n");
                clients.get(0).expectReply("me\n");
            } finally {
                clients.forEach(RecordingClient::close);
            }
        }
    }

    @Test
    void fiftyQuickLinesArriveWholeAndInOrder() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 3);
            try {
                StringBuilder fromA = new StringBuilder();
                for (int i = 0; i < 50; i++) {
                    fromA.append("a-line-").append(i).append('\n');
                }
                clients.get(0).send(fromA.toString());
                clients.get(1).expectReply(fromA.toString());
                clients.get(2).expectReply(fromA.toString());
            } finally {
                clients.forEach(RecordingClient::close);
            }
        }
    }
}
