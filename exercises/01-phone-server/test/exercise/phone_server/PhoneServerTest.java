package exercise.phone_server;

import io.socketlab.testkit.PlatformCharset;
import io.socketlab.testkit.RecordingClient;
import io.socketlab.testkit.ServerRunner;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class PhoneServerTest {

    @Test
    @Tag("points=2")
    void repliesWithTheMessageUpperCased() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hello");
            client.expectReply("HELLO");
            server.awaitReturn(2000);
            assertTrue(server.failures().isEmpty(), () -> say("your server threw ", "你的服务端抛出了 ") + server.failures() + "\n" + client.log());
        }
    }

    @Test
    @Tag("points=1")
    void repliesWithExactlyTheBytesHeardNotTheWholeBuffer() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("ab");
            String reply = client.readUntilClosed();
            assertEquals("AB", reply, say("sent \"ab\" (2 bytes), expected exactly \"AB\" but got " + reply.length()
                    + " characters: decode only the bytes read returned, new String(buffer, 0, count, StandardCharsets.UTF_8),"
                    + " not the whole 1024-byte buffer", "发送了 \"ab\"（2 字节），期望正好收到 \"AB\"，却收到了 " + reply.length()
                    + " 个字符：只解码 read 返回的那些字节，new String(buffer, 0, count, StandardCharsets.UTF_8)，"
                    + "而不是整个 1024 字节的缓冲区") + "\n" + client.log());
        }
    }

    @Test
    @Tag("points=2")
    void speaksUtf8WhateverThePlatformCharset() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("héllo 你好");
            String reply = client.readUntilClosed();
            assertEquals("HÉLLO 你好", reply, say("sent \"héllo 你好\" as UTF-8: decode and encode with StandardCharsets.UTF_8,"
                    + " and upper-case with toUpperCase(Locale.ROOT)", "以 UTF-8 发送了 \"héllo 你好\"：解码和编码都要用 StandardCharsets.UTF_8，"
                    + "转大写用 toUpperCase(Locale.ROOT)") + "\n" + client.log());
        }
        PlatformCharset.assertNotUsedBy(PhoneServer.class);
    }

    @Test
    @Tag("points=1")
    void upperCasesTheSameWayUnderEveryLocale() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("hi");
            String reply = client.readUntilClosed();
            assertEquals("HI", reply, say("on a machine set to Turkish, \"hi\" came back as " + reply + ": plain toUpperCase() follows"
                    + " the machine's language (Turkish upper-cases i to İ); write toUpperCase(Locale.ROOT)",
                    "在设为土耳其语的机器上，\"hi\" 变成了 " + reply + "：不带参数的 toUpperCase() 跟着机器的语言走"
                    + "（土耳其语把 i 大写成 İ）；要写 toUpperCase(Locale.ROOT)") + "\n" + client.log());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    @Tag("points=1")
    void aCallerWhoHangsUpWithoutAWordGetsNoReplyAndNoCrash() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.shutdownOutput();
            server.awaitReturn(2000);
            assertTrue(server.failures().isEmpty(),
                    say("the caller hung up without speaking and your server threw " + server.failures()
                            + " (read returns -1 at the end of the stream: check it before decoding, and close without replying)",
                            "来电者一句话没说就挂断了，你的服务端却抛出了 " + server.failures()
                            + "（读到流结束时 read 返回 -1：解码之前先检查它，然后不回复、直接关闭）") + "\n" + client.log());
            client.expectClosed();
        }
    }

    @Test
    @Tag("points=1")
    void hangsUpAfterReplying() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("bye");
            client.expectReply("BYE");
            client.expectClosed();
        }
    }

    @Test
    @Tag("points=2")
    void returnsAndClosesTheListeningSocketAfterOneCall() throws Exception {
        try (ServerRunner server = ServerRunner.start(PhoneServer::answerOneCall);
             RecordingClient client = RecordingClient.connect(server.port())) {
            client.send("one call");
            client.expectReply("ONE CALL");
            assertTrue(server.awaitReturn(2000),
                    say("answerOneCall should return after one call; it is still running (does it loop, or wait for a second call?)",
                            "answerOneCall 接完一通电话就应该返回，但它还在运行（是不是在循环，或者在等第二通电话？）") + "\n" + client.log());
            assertTrue(server.listening().isClosed(),
                    say("the listening socket is still open after the call: close it when you hang up",
                            "通话结束后监听套接字仍然开着：挂断时要把它关闭") + "\n" + client.log());
        }
    }
}
