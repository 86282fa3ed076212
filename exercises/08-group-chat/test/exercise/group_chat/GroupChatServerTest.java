package exercise.group_chat;

import io.socketlab.testkit.PlatformCharset;
import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.Say;
import io.socketlab.testkit.ServerRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                        "前面 " + i + " 个客户端还连着，第 " + (i + 1) + " 个客户端就收不到 welcome：一次只服务一个客户端的服务端"
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
    @Tag("points=1")
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
    void everyLineArrivesWhileOtherClientsJoinAndLeave() throws Exception {
        int talking = 5;
        int staying = 10;
        int rounds = 40;
        String why = say("the set of connected clients is used by several threads at once: the accept thread adds to it, and"
                + " each client's thread walks it to relay a line and removes its own client when it leaves. A HashMap, HashSet"
                + " or ArrayList is not made for that: walking it while another thread changes it throws"
                + " ConcurrentModificationException, which ends the relaying thread, and changes made at the same time can"
                + " lose clients. Keep the clients in a thread-safe collection (ConcurrentHashMap.newKeySet(),"
                + " CopyOnWriteArrayList), or guard every use of it with one lock",
                "已连接客户端的集合同时被好几个线程使用：accept 线程往里加，每个客户端的线程遍历它来转发一行，"
                + "并在自己的客户端离开时把它移除。HashMap、HashSet 和 ArrayList 不是为此设计的：一个线程遍历时另一个线程修改它，"
                + "就会抛出 ConcurrentModificationException，转发的线程随之结束；同时进行的修改还会弄丢客户端。"
                + "要把客户端放进线程安全的集合（ConcurrentHashMap.newKeySet()、CopyOnWriteArrayList），"
                + "或者每次使用它都用同一把锁保护");
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            // The accept thread adds, leaving clients' threads remove and talking clients' threads
            // walk the room, all at once. Visitors who came first sit before the talking clients
            // in a list, so that their leaving moves the talking clients too.
            List<RecordingClient> visitors = join(server, staying);
            List<RecordingClient> clients = new ArrayList<>();
            try {
                clients.addAll(join(server, talking));
                // Each round every talking client sends a line, and while the server relays them
                // one visitor joins and the longest-staying one leaves.
                for (int round = 0; round < rounds; round++) {
                    for (int i = 0; i < talking; i++) {
                        try {
                            clients.get(i).send(talkLine(i, round));
                        } catch (AssertionError e) {
                            String line = Say.quote(talkLine(i, round));
                            String closed = say("while other clients joined and left, the server closed the connection of client "
                                    + (i + 1) + ", which was sending " + line + ": ",
                                    "其他客户端来来去去的时候，服务端关闭了客户端 " + (i + 1) + " 的连接，它正在发送 " + line + "：");
                            throw new AssertionError(closed + why + "\n" + e.getMessage().lines().findFirst().orElse(""), e);
                        }
                    }
                    RecordingClient visitor = RecordingClient.connect(server.port());
                    visitors.add(visitor);
                    awaitWelcome(visitor);
                    visitors.get(round).close();
                }
                for (int i = 0; i < talking; i++) {
                    expectEveryLineFromTheOthers(clients, i, rounds, why);
                }
            } finally {
                leave(visitors);
                leave(clients);
            }
        }
    }

    private static String talkLine(int client, int round) {
        return "client " + (client + 1) + " line " + round + "\n";
    }

    /** Reads the visitor's lines (others may be relayed to it first) until its welcome has come. */
    private static void awaitWelcome(RecordingClient visitor) {
        StringBuilder got = new StringBuilder();
        for (int reads = 0; reads < 1000 && !("\n" + got).contains("\nwelcome\n"); reads++) {
            got.append(visitor.expectSomeReply());
        }
    }

    /** Reads what client {@code me} is sent until it holds every line the other talking clients sent, each in order. */
    private static void expectEveryLineFromTheOthers(List<RecordingClient> clients, int me, int rounds, String why) {
        int expected = (clients.size() - 1) * rounds;
        StringBuilder got = new StringBuilder();
        AssertionError ended = null;
        for (int reads = 0; reads < 10_000 && got.chars().filter(c -> c == '\n').count() < expected; reads++) {
            try {
                got.append(clients.get(me).expectSomeReply());
            } catch (AssertionError e) {
                ended = e;
                break;
            }
        }
        List<String> received = got.toString().lines().map(line -> line + "\n").toList();
        for (int other = 0; other < clients.size(); other++) {
            if (other == me) {
                continue;
            }
            List<String> sent = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                sent.add(talkLine(other, round));
            }
            String from = "client " + (other + 1) + " ";
            List<String> heard = received.stream().filter(line -> line.startsWith(from)).toList();
            if (!heard.equals(sent)) {
                String missing = sent.stream().filter(line -> !heard.contains(line)).findFirst().orElse(sent.get(0));
                throw new AssertionError(say("while " + rounds + " other clients joined and " + rounds + " left, client " + (me + 1)
                        + " received " + heard.size() + " of the " + rounds + " lines client " + (other + 1) + " sent (the first"
                        + " missing: " + Say.quote(missing) + "): ",
                        "另有 " + rounds + " 个客户端加入、" + rounds + " 个离开的时候，客户端 " + (me + 1) + " 只收到客户端 "
                        + (other + 1) + " 发送的 " + rounds + " 行中的 " + heard.size() + " 行（第一个缺少的是 " + Say.quote(missing) + "）：")
                        + why + (ended == null ? "" : "\n" + ended.getMessage().lines().findFirst().orElse("")), ended);
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

    @Test
    @Tag("points=1")
    void aClientWhoseConnectionIsResetIsRemovedAndTheRoomGoesOn() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 3);
            try {
                // No bytes before the reset: whether a cut-off partial line is relayed depends on
                // whether the kernel reports the RST or an end of stream first, so it is left out.
                clients.get(2).reset();
                String why = say("client 3's connection was reset (RST): its reader throws, and writing to it throws too; remove that"
                        + " client and keep the room going (catch IOException per client, never around the accept loop)",
                        "客户端 3 的连接被重置了（RST）：读它会抛异常，往它写也会抛异常；要把这个客户端移除，让聊天室继续"
                        + "（按客户端分别捕获 IOException，绝不能包住整个 accept 循环）");
                try (RecordingClient late = join(server, 1).get(0)) {
                    clients.get(0).send("after the crash\n");
                    clients.get(0).send("and again\n");
                    try {
                        clients.get(1).expectReply("after the crash\nand again\n");
                        late.expectReply("after the crash\nand again\n");
                    } catch (AssertionError e) {
                        throw new AssertionError(why + "\n" + e.getMessage(), e);
                    }
                }
                assertTrue(server.isRunning(), why + say("; serve has returned", "；serve 已经返回了"));
            } finally {
                leave(clients);
            }
        }
    }

    @Test
    @Tag("points=1")
    void relaysChineseUnchangedWhateverThePlatformCharset() throws Exception {
        try (ServerRunner server = ServerRunner.start(GroupChatServer::serve)) {
            List<RecordingClient> clients = join(server, 2);
            try {
                clients.get(0).send("武大郎: 你好\n");
                clients.get(1).expectReply("武大郎: 你好\n");
            } finally {
                leave(clients);
            }
        }
        PlatformCharset.assertNotUsedBy(GroupChatServer.class);
    }
}
