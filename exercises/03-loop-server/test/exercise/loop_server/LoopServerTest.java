package exercise.loop_server;

import io.socketlab.testkit.PlatformCharset;
import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(15)
class LoopServerTest {

    @Test
    @Tag("points=2")
    void answersManyMessagesOnOneConnection() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("one");
            client.expectReply("ONE");
            client.send("two");
            client.expectReply("TWO");
            client.send("three");
            client.expectReply("THREE");
        }
    }

    @Test
    @Tag("points=1")
    void upperCasesTheSameWayUnderEveryLocale() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try (ServerRunner server = ServerRunner.start(LoopServer::serve);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hi");
            try {
                client.expectReply("HI");
            } catch (AssertionError e) {
                throw new AssertionError(say("on a machine set to Turkish, \"hi\" did not come back as \"HI\": plain toUpperCase() follows the machine's"
                        + " language (Turkish upper-cases i to İ); write toUpperCase(Locale.ROOT)",
                        "在设为土耳其语的机器上，\"hi\" 没有变成 \"HI\"：不带参数的 toUpperCase() 跟着机器的语言走"
                        + "（土耳其语把 i 大写成 İ）；要写 toUpperCase(Locale.ROOT)") + "\n" + e.getMessage(), e);
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @Tag("points=2")
    void servesTheNextClientAfterOneLeaves() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            try (RecordingClient first = RecordingClient.connect(server.port())) {
                first.send("first");
                first.expectReply("FIRST");
            }
            try (RecordingClient second = RecordingClient.connect(server.port())) {
                second.send("second");
                second.expectReply("SECOND");
            }
        }
    }

    @Test
    @Tag("points=1")
    void aCharacterSplitAcrossTwoReadsComesBackWhole() throws Exception {
        byte[] hello = "你好".getBytes(StandardCharsets.UTF_8);
        try (ServerRunner server = ServerRunner.start(LoopServer::serve);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("héllo ");
            client.expectReply("HÉLLO ");
            // 你 is bytes 0-2: two of its bytes alone can be answered by nothing but a broken character
            client.sendBytes(Arrays.copyOfRange(hello, 0, 2));
            client.expectNothingFor(300, say("the client sent only the first 2 of the 3 bytes of 你 and your server already replied:"
                    + " it decoded that read's bytes on their own, which turns half a character into �; read through one"
                    + " InputStreamReader(in, StandardCharsets.UTF_8) per connection, which waits for the rest of the character",
                    "客户端只发送了“你”的 3 个字节中的前 2 个，你的服务端就已经回复了：它把这次读到的字节单独解码，"
                    + "半个字符就变成了 �；每个连接用一个 InputStreamReader(in, StandardCharsets.UTF_8) 来读，它会等这个字符剩下的字节"));
            client.sendBytes(Arrays.copyOfRange(hello, 2, hello.length));
            client.expectReply("你好");
        }
        PlatformCharset.assertNotUsedBy(LoopServer.class);
    }

    @Test
    @Tag("points=1")
    void quitEndsTheConnectionWithoutAReply() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hello");
            client.expectReply("HELLO");
            client.send("quit\n");
            try {
                client.expectClosed();
            } catch (AssertionError e) {
                throw new AssertionError(say("\"quit\\n\" (as nc sends it) should end the client without a reply: compare"
                        + " text.strip() with \"quit\", since the line break is part of what read returned",
                        "\"quit\\n\"（nc 就是这样发送的）应该结束这个客户端，而且不回复：要拿 text.strip() 和 \"quit\" 比较，"
                        + "因为换行符也是 read 读到的内容") + "\n" + e.getMessage(), e);
            }
        }
    }

    @Test
    @Tag("points=2")
    void aClientThatResetsMidConversationEndsOnlyThatClient() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            RecordingClient vanishing = RecordingClient.connect(server.port());
            vanishing.send("half a conversation");
            vanishing.expectReply("HALF A CONVERSATION");
            vanishing.send("and then");
            vanishing.reset();
            try (RecordingClient next = RecordingClient.connect(server.port())) {
                next.send("still there?");
                try {
                    next.expectReply("STILL THERE?");
                } catch (AssertionError e) {
                    String state = server.isRunning() ? "" : say(" (serve has returned: nobody accepts any more)", "（serve 已经返回了：再也没有人接受连接）");
                    throw new AssertionError(say("client 1 reset its connection in the middle of the conversation, and then client 2"
                            + " was not served" + state + ": one vanished client ended your whole server; catch IOException around"
                            + " one client's conversation, inside the connection loop, not around the whole server",
                            "客户端 1 在对话中途重置了连接，随后客户端 2 没有得到服务" + state + "：一个消失的客户端结束了整个服务端；"
                            + "要在连接循环里面、围绕一个客户端的对话捕获 IOException，而不是包住整个服务端")
                            + "\n" + e.getMessage(), e);
                }
            }
        }
    }

    @Test
    @Tag("points=1")
    void aClientWhoHangsUpWithoutAWordDoesNotHoldUpTheNext() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            try (RecordingClient silent = RecordingClient.connect(server.port())) {
                silent.shutdownOutput();
                try {
                    silent.expectClosed();
                } catch (AssertionError e) {
                    throw new AssertionError(say("a client connected and hung up without a word: read returns -1 for it, so close"
                            + " that connection at once (without replying) and go back to accept",
                            "一个客户端连上后一句话没说就挂断了：对它 read 会返回 -1，所以要立刻关闭这个连接（不回复），回到 accept")
                            + "\n" + e.getMessage(), e);
                }
            }
            try (RecordingClient next = RecordingClient.connect(server.port())) {
                next.send("next");
                next.expectReply("NEXT");
            }
        }
    }

    @Test
    @Tag("points=1")
    void returnsWhenTheListeningSocketIsClosed() throws Exception {
        try (ServerRunner server = ServerRunner.start(LoopServer::serve)) {
            try (RecordingClient client = RecordingClient.connect(server.port())) {
                client.send("ping");
                client.expectReply("PING");
            }
            server.stopAndAssertNoThreadLeft();
            assertTrue(server.failures().isEmpty(),
                    say("closing the listening socket should make serve return quietly, but it threw ",
                            "关闭监听套接字后，serve 应该安静地返回，但它抛出了 ") + server.failures());
        }
    }
}
