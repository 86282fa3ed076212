package exercise.chat_client;

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
    @Tag("points=2")
    void theArticleContactBookHasFourNamesAtTheServer() {
        SocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9000);
        Map<String, SocketAddress> book = ChatClient.articleContacts(server);
        assertEquals(List.of("TOM", "JACK", "一棵树", "武大郎"), List.copyOf(book.keySet()), say("names and their order", "名字及其顺序"));
        book.values().forEach(address -> assertEquals(server, address,
                say("every contact lives at the server's address", "每个联系人的地址都是服务器的地址")));
    }

    @Test
    @Tag("points=3")
    void sendsMessagesToTheChosenContactAndPrintsReplies() throws Exception {
        ChatSession session = ChatSession.run("TOM\nhello tom\nhow are you\n", 2000);
        assertEquals(List.of("hello tom", "how are you"), session.serverHeard, session.describe());
        assertEquals(List.of("TOM: HELLO TOM", "TOM: HOW ARE YOU"), session.outputLines, session.describe());
    }

    @Test
    @Tag("points=3")
    void skipsEmptyLinesInsteadOfSendingThem() throws Exception {
        ChatSession session = ChatSession.run("\nJACK\n\nhi\n   \nbye\n", 2000);
        assertEquals(List.of("hi", "bye"), session.serverHeard,
                say("blank lines must not be sent, and a line of only spaces is blank too (skip a line whose strip() is empty):"
                        + " the server would have nothing to answer and the client would wait",
                        "空白行不能发送，只有空格的行也算空白行（strip() 之后为空就跳过）：服务器没有内容可以回答，客户端就会一直等下去")
                        + "\n" + session.describe());
        assertEquals(List.of("JACK: HI", "JACK: BYE"), session.outputLines, session.describe());
    }

    @Test
    @Tag("points=2")
    void quitLeavesTheContactAndAnotherCanBeChosen() throws Exception {
        ChatSession session = ChatSession.run("一棵树\n你好\nquit\n武大郎\nhello\n", 2000);
        assertEquals(List.of("你好", "hello"), session.serverHeard,
                say("quit is not a message to send", "quit 不是要发送的消息") + "\n" + session.describe());
        assertEquals(List.of("一棵树: 你好", "武大郎: HELLO"), session.outputLines, session.describe());
    }
}
