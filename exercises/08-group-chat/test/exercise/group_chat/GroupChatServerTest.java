package exercise.group_chat;

import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;

@Timeout(20)
class GroupChatServerTest {

    private static List<RecordingClient> join(ServerRunner server, int count) {
        List<RecordingClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordingClient client = RecordingClient.connect(server.port());
            clients.add(client);
            try {
                client.expectReply("welcome\n");
            } catch (AssertionError e) {
                leave(clients);
                if (i == 0) {
                    throw e;
                }
                // the lesson of this exercise: one thread per client, and back to accept at once
                throw new AssertionError(say("client " + (i + 1) + " got no welcome while the " + i + " before it stayed connected:"
                        + " a server that serves one client at a time never gets back to accept; start a thread for each client"
                        + " and return to accept at once",
                        "前面 " + i + " 个客户端还连着，第 " + (i + 1) + " 个客户端就收不到 welcome：一次只服务一个客户端的服务器"
                        + "回不到 accept；要为每个客户端启动一个线程，然后马上回去 accept") + "\n" + e.getMessage(), e);
            }
        }
        return clients;
    }

    private static void leave(List<RecordingClient> clients) {
        clients.forEach(RecordingClient::close);
    }

    @Test
    @Tag("points=3")
    void aLineFromOneClientReachesTheOthers() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 3);
            try {
                clients.get(0).send("hello room\n");
                clients.get(1).expectReply("hello room\n");
                clients.get(2).expectReply("hello room\n");
                clients.get(2).send("hi back\n");
                clients.get(1).expectReply("hi back\n");
                try {
                    clients.get(0).expectReply("hi back\n");
                } catch (AssertionError e) {
                    throw new AssertionError(say("client 1 sent \"hello room\", then client 3 sent \"hi back\": client 1 should hear only"
                            + " \"hi back\"; a line goes to every other client, never back to the one that sent it",
                            "客户端 1 发送了 \"hello room\"，随后客户端 3 发送了 \"hi back\"：客户端 1 应该只收到 \"hi back\"；"
                            + "每一行都要转发给其他客户端，绝不能发回给发送它的那个客户端") + "\n" + e.getMessage(), e);
                }
            } finally {
                leave(clients);
            }
        }
    }

    @Test
    @Tag("points=3")
    void twentyClientsChatAtOnce() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 20);
            try {
                clients.get(7).send("twenty of us\n");
                for (int i = 0; i < clients.size(); i++) {
                    if (i != 7) {
                        clients.get(i).expectReply("twenty of us\n");
                    }
                }
                clients.get(19).send("and me\n");
                clients.get(0).expectReply("and me\n");
            } finally {
                leave(clients);
            }
        }
    }

    @Test
    @Tag("points=2")
    void aClientLeavingDoesNotDisturbTheOthers() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 4);
            try {
                clients.get(1).close();
                clients.get(0).send("anyone left?\n");
                clients.get(2).expectReply("anyone left?\n");
                clients.get(3).expectReply("anyone left?\n");
                clients.get(3).send("yes\n");
                clients.get(0).expectReply("yes\n");
            } finally {
                leave(clients);
            }
        }
    }

    @Test
    @Tag("points=2")
    void closingTheListeningSocketEndsEveryClientThread() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 3);
            try {
                clients.get(0).send("bye\n");
                clients.get(1).expectReply("bye\n");
                server.stopAndAssertNoThreadLeft();
            } finally {
                leave(clients);
            }
        }
    }
}
