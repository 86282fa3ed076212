package exercise.phone_client;

import io.socketlab.testkit.LearnerThreads;
import io.socketlab.testkit.PlatformCharset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(15)
class PhoneClientTest {

    @Test
    @Tag("points=2")
    void sendsTheMessageAndReturnsTheReply() throws Exception {
        try (ScriptedServer server = new ScriptedServer(5, ScriptedServer.utf8("HELLO"))) {
            String reply = PhoneClient.call(server.port(), "hello");
            assertEquals("hello", server.heard(), say("the server should have heard \"hello\"", "服务端应该收到 \"hello\""));
            assertEquals("HELLO", reply, say("the server heard \"hello\" and replied \"HELLO\" in one piece",
                    "服务端收到了 \"hello\"，并一次性回复了 \"HELLO\""));
        }
    }

    @Test
    @Tag("points=2")
    void returnsTheWholeReplyWhenItArrivesInSeveralPieces() throws Exception {
        try (ScriptedServer server = new ScriptedServer(2, ScriptedServer.utf8("GOOD ", "MORN", "ING, ", "WORLD"))) {
            String reply = PhoneClient.call(server.port(), "hi");
            assertEquals("hi", server.heard(), say("the server should have heard \"hi\"", "服务端应该收到 \"hi\""));
            assertEquals("GOOD MORNING, WORLD", reply,
                    say("the server replied in 4 writes: \"GOOD \", \"MORN\", \"ING, \", \"WORLD\", then hung up;"
                            + " a client that reads once returns only the first piece: read until read returns -1",
                            "服务端分 4 次写出回复：\"GOOD \"、\"MORN\"、\"ING, \"、\"WORLD\"，然后挂断；"
                            + "只读一次的客户端只能返回第一段：要一直读，直到 read 返回 -1"));
        }
    }

    @Test
    @Tag("points=2")
    void decodesACharacterSplitAcrossTwoPieces() throws Exception {
        byte[] tree = "一棵树".getBytes(StandardCharsets.UTF_8);
        // 一 is bytes 0-2 and 棵 bytes 3-5: the first piece ends one byte into 棵
        List<byte[]> pieces = List.of(Arrays.copyOfRange(tree, 0, 4), Arrays.copyOfRange(tree, 4, tree.length));
        try (ScriptedServer server = new ScriptedServer(1, pieces)) {
            assertEquals("一棵树", PhoneClient.call(server.port(), "?"),
                    say("the reply 一棵树 came in two pieces split inside 棵 (4 bytes, then 5): decoding each piece on its own turns"
                            + " the halves into replacement characters (�); collect the bytes (a ByteArrayOutputStream) and decode once at the end",
                            "回复 一棵树 分两段到达，在“棵”字中间断开（先 4 个字节，再 5 个）：每段单独解码，两半就会变成替换字符（�）；"
                            + "要先收集字节（ByteArrayOutputStream），最后统一解码一次"));
        }
    }

    @Test
    @Tag("points=1")
    void speaksUtf8WhateverThePlatformCharset() throws Exception {
        try (ScriptedServer server = new ScriptedServer("武大郎".getBytes(StandardCharsets.UTF_8).length, ScriptedServer.utf8("你好"))) {
            String reply = PhoneClient.call(server.port(), "武大郎");
            assertEquals("武大郎", server.heard(), say("the message must be sent as UTF-8", "消息必须按 UTF-8 发送"));
            assertEquals("你好", reply, say("the reply must be decoded as UTF-8", "回复必须按 UTF-8 解码"));
        }
        PlatformCharset.assertNotUsedBy(PhoneClient.class);
    }

    @Test
    @Tag("points=2")
    void givesUpOnAServerThatStaysSilent() throws Exception {
        try (ScriptedServer server = ScriptedServer.silent(2)) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            Thread caller = new Thread(() -> {
                try {
                    outcome.complete(PhoneClient.call(server.port(), "hi"));
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            }, "learner-phone-client");
            caller.setDaemon(true);
            caller.start();
            assertEquals("hi", server.heard(), say("the server should have heard \"hi\"", "服务端应该收到 \"hi\""));
            // A read with a timeout shows in the caller's stack, so a good client need not be waited
            // out; on a JDK whose socket code is named otherwise, its timeout ends the wait instead.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (!outcome.isDone() && !readsWithATimeout(caller) && System.nanoTime() < deadline) {
                try {
                    outcome.get(50, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillWaiting) {
                    // look at the caller again
                }
            }
            if (!outcome.isDone() && !readsWithATimeout(caller)) {
                fail(say("the server heard \"hi\" and then said nothing for 8 s without hanging up, and your client is still waiting"
                        + " in read: set a read timeout before reading (phone.setSoTimeout(5000)), so that read throws"
                        + " SocketTimeoutException instead of waiting forever",
                        "服务端收到 \"hi\" 之后 8 秒一言不发、也不挂断，你的客户端还在 read 里等着：读之前先设置读超时"
                        + "（phone.setSoTimeout(5000)），这样 read 会抛出 SocketTimeoutException，而不是永远等下去"));
            }
            if (outcome.isDone() && !(outcome.get() instanceof IOException)) {
                fail(say("the server said nothing and kept the line open, yet call returned " + outcome.get()
                        + ": when no reply comes within the timeout, let the SocketTimeoutException (an IOException) out of call",
                        "服务端什么也没说、也没挂断，call 却返回了 " + outcome.get()
                        + "：超时之内没有回复时，应该让 SocketTimeoutException（一种 IOException）从 call 里抛出去"));
            }
            server.close();
            caller.join(2000);
        }
    }

    @Test
    @Tag("points=1")
    void closesTheSocketBeforeReturning() throws Exception {
        try (ScriptedServer server = new ScriptedServer(3, ScriptedServer.utf8("BYE"))) {
            assertEquals("BYE", PhoneClient.call(server.port(), "bye"));
            assertTrue(server.clientClosed(), say("the server hung up after \"BYE\", but your client kept its end open for 2 s after"
                    + " call returned: close the socket (try (Socket phone = new Socket(...)) closes it for you)",
                    "服务端说完 \"BYE\" 就挂断了，但 call 返回之后，你的客户端在 2 秒内都没有关闭自己这一端："
                    + "要关闭套接字（try (Socket phone = new Socket(...)) 会替你关闭）"));
        }
    }

    /** True while {@code caller} waits in a socket read that has a timeout. */
    private static boolean readsWithATimeout(Thread caller) {
        // under the grader the client runs in a process of its own: LearnerThreads looks there
        return Arrays.stream(LearnerThreads.stack(caller)).anyMatch(frame -> frame.getMethodName().equals("timedRead"));
    }
}
