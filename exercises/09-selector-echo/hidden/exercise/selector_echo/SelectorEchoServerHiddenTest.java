package exercise.selector_echo;

import static io.socketlab.testkit.Say.say;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SelectorEchoServerHiddenTest {
    @Test
    @Tag("points=2")
    void echoesEveryByteValueUnchanged() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        try (SelectorRunner server = SelectorRunner.start(); EchoClient client = new EchoClient("client 1", server)) {
            client.send(all);
            client.expectEcho(all, say("the 256 byte values 0 to 255 (copy bytes, never decode them as text)",
                    "0 到 255 这 256 个字节值（原样复制字节，不要当文本解码）"));
        }
    }

    @Test
    @Tag("points=2")
    void aClientThatResetsMidMessageDisturbsNobody() throws Exception {
        try (SelectorRunner server = SelectorRunner.start(); EchoClient stays = new EchoClient("client 2", server)) {
            try (EchoClient leaves = new EchoClient("client 1", server)) {
                leaves.send("half a mess");
                leaves.expectEcho("half a mess", "\"half a mess\"");
                leaves.socket().setSoLinger(true, 0); // close sends RST: the server's read throws "Connection reset"
            }
            stays.send("still here\n");
            stays.expectEcho("still here\n", say("\"still here\\n\" after client 1 reset its connection (catch that one client's IOException,"
                            + " close its channel, serve the others)",
                    "客户端 1 重置连接之后的 \"still here\\n\"（只捕获这一个客户端的 IOException，关闭它的通道，继续服务其他客户端）"));
        }
    }
}
