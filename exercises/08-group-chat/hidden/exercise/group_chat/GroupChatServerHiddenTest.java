package exercise.group_chat;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertTrue;

// Instructor notes: a reset client (RST) makes naive servers throw out of the accept loop or
// the broadcast loop; fifty quick lines catch a relay that drops or reorders lines (or
// splits them); Chinese checks UTF-8 readers and writers on both sides.
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
    void aResetClientDoesNotBreakTheRoom() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 3);
            try {
                // No bytes before the reset: whether a cut-off partial line is relayed depends on
                // whether the kernel reports the RST or an end of stream first, so it is left out.
                clients.get(2).reset();
                try (RecordingClient late = RecordingClient.connect(server.port())) {
                    late.expectReply("welcome\n");
                    clients.get(0).send("after the crash\n");
                    clients.get(1).expectReply("after the crash\n");
                    late.expectReply("after the crash\n");
                }
                assertTrue(server.isRunning(), say("the server stopped after one client reset its connection",
                        "一个客户端重置连接之后，服务器就停止了"));
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

    @Test
    void relaysChineseUnchanged() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 2);
            try {
                clients.get(0).send("武大郎: 你好\n");
                clients.get(1).expectReply("武大郎: 你好\n");
            } finally {
                clients.forEach(RecordingClient::close);
            }
        }
    }
}
