package exercise.chat_client;

import io.socketlab.testkit.PlatformCharset;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(10)
class ChatClientTest {

    @Test
    @Tag("points=1")
    void theArticleContactBookHasFourNamesAtTheServer() {
        SocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9000);
        Map<String, SocketAddress> book = ChatClient.articleContacts(server);
        assertEquals(List.of("TOM", "JACK", "一棵树", "武大郎"), List.copyOf(book.keySet()), say("names and their order", "名字及其顺序"));
        book.values().forEach(address -> assertEquals(server, address,
                say("every contact lives at the server's address", "每个联系人的地址都是服务端的地址")));
    }

    @Test
    @Tag("points=2")
    void sendsMessagesToTheChosenContactAndPrintsReplies() throws Exception {
        ChatSession session = ChatSession.run("TOM\nhello tom\nhow are you\n", 2000);
        assertEquals(List.of("hello tom", "how are you"), session.serverHeard, session.describe());
        assertEquals(List.of("TOM: HELLO TOM", "TOM: HOW ARE YOU"), session.outputLines, session.describe());
    }

    @Test
    @Tag("points=1")
    void skipsEmptyLinesInsteadOfSendingThem() throws Exception {
        ChatSession session = ChatSession.run("\nJACK\n\nhi\n   \nbye\n", 2000);
        assertEquals(List.of("hi", "bye"), session.serverHeard,
                say("blank lines must not be sent, and a line of only spaces is blank too (skip a line whose strip() is empty):"
                        + " it says nothing, so it is not a message",
                        "空白行不能发送，只有空格的行也算空白行（strip() 之后为空就跳过）：它什么也没说，所以不是一条消息")
                        + "\n" + session.describe());
        assertEquals(List.of("JACK: HI", "JACK: BYE"), session.outputLines, session.describe());
    }

    @Test
    @Tag("points=1")
    void quitLeavesTheContactAndAnotherCanBeChosen() throws Exception {
        ChatSession session = ChatSession.run("一棵树\n你好\nquit\n武大郎\nhello\n", 2000);
        assertEquals(List.of("你好", "hello"), session.serverHeard,
                say("quit is not a message to send", "quit 不是要发送的消息") + "\n" + session.describe());
        assertEquals(List.of("一棵树: 你好", "武大郎: HELLO"), session.outputLines, session.describe());
    }

    @Test
    @Tag("points=1")
    void anUnknownContactIsReportedAndTheClientCarriesOn() throws Exception {
        ChatSession session = ChatSession.run("BOB\nTOM\nhi\n", 2000);
        assertEquals(List.of("unknown contact: BOB", "TOM: HI"), session.outputLines,
                say("BOB is not in the contact book: print \"unknown contact: BOB\" and read the next name",
                        "BOB 不在通讯录里：打印 \"unknown contact: BOB\"，然后读下一个名字") + "\n" + session.describe());
    }

    @Test
    @Tag("points=2")
    void aContactThatNeverAnswersIsReportedAndTheChatGoesOn() throws Exception {
        // the test's server never answers "silence"; the socket's timeout is 300 ms
        ChatSession session = ChatSession.run("TOM\nsilence\nagain\n", 300);
        assertEquals(List.of("silence", "again"), session.serverHeard, session.describe());
        assertEquals(List.of("no reply from TOM", "TOM: AGAIN"), session.outputLines,
                say("TOM did not answer \"silence\" within the socket's timeout: print \"no reply from TOM\", then go on with"
                        + " the next line", "TOM 在套接字超时之前没有回答 \"silence\"：打印 \"no reply from TOM\"，然后接着处理下一行")
                        + "\n" + session.describe());
    }

    @Test
    @Tag("points=1")
    void quitAtTheContactPromptEndsTheRun() throws Exception {
        ChatSession session = ChatSession.run("JACK\none\nquit\nquit\nTOM\nnever sent\n", 2000);
        assertEquals(List.of("one"), session.serverHeard,
                say("quit at the contact prompt ends run: nothing typed after it is read or sent",
                        "在选择联系人时输入 quit 就结束 run：之后输入的内容都不再读取，也不发送") + "\n" + session.describe());
        assertEquals(List.of("JACK: ONE"), session.outputLines, session.describe());
    }

    @Test
    @Tag("points=1")
    void speaksUtf8WhateverThePlatformCharset() throws Exception {
        ChatSession session = ChatSession.run("一棵树\n你好，é\n", 2000);
        assertEquals(List.of("你好，é"), session.serverHeard, say("the message must be sent as UTF-8", "消息必须按 UTF-8 发送")
                + "\n" + session.describe());
        assertEquals(List.of("一棵树: 你好，É"), session.outputLines, say("the reply must be decoded as UTF-8", "回复必须按 UTF-8 解码")
                + "\n" + session.describe());
        PlatformCharset.assertNotUsedBy(ChatClient.class);
    }
}
