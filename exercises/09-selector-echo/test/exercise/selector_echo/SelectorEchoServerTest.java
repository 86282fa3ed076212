package exercise.selector_echo;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SelectorEchoServerTest {
    static final int CLIENTS = 200;
    static final int MESSAGES = 5;
    /** Far more than a server with bounded buffers can take in from a client that reads nothing. */
    static final long FLOOD_LIMIT = 32L * 1024 * 1024;

    @Test
    @Tag("points=2")
    void echoesWhatOneClientSends() throws Exception {
        try (SelectorRunner server = SelectorRunner.start(); EchoClient client = new EchoClient("client 1", server)) {
            client.send("hello, selector\n");
            client.expectEcho("hello, selector\n", "\"hello, selector\\n\"");
        }
    }

    @Test
    @Tag("points=3")
    void echoesEveryByteInOrderTo200ClientsSendingInPieces() throws Exception {
        List<EchoClient> clients = new ArrayList<>();
        try (SelectorRunner server = SelectorRunner.start()) {
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    clients.add(new EchoClient("client " + c, server));
                }
                for (int round = 0; round < MESSAGES; round++) {
                    List<byte[]> messages = new ArrayList<>();
                    for (EchoClient client : clients) {
                        messages.add(message(client.name(), round));
                    }
                    // every client's first piece, then every client's second piece...: the server sees them interleaved
                    for (int piece = 0; piece < 3; piece++) {
                        for (int c = 0; c < CLIENTS; c++) {
                            clients.get(c).send(piece(messages.get(c), piece));
                        }
                    }
                    for (int c = 0; c < CLIENTS; c++) {
                        clients.get(c).expectEcho(messages.get(c), say("message " + (round + 1) + " of " + MESSAGES
                                        + " in 3 pieces, while " + CLIENTS + " clients were connected",
                                "第 " + (round + 1) + " 条消息（共 " + MESSAGES + " 条，分 3 段发送，同时连着 " + CLIENTS + " 个客户端）"));
                    }
                }
            } finally {
                for (EchoClient client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    @Tag("points=2")
    void keepsServingTheOthersWhileOneClientStopsReading() throws Exception {
        try (SelectorRunner server = SelectorRunner.start(); SocketChannel greedy = floodingClient(server.port())) {
            long sent = floodUntilStuck(greedy);
            assertTrue(sent < FLOOD_LIMIT, server.withFailures(say(
                    "a client that reads none of its echo could send " + FLOOD_LIMIT / (1024 * 1024)
                            + " MiB and the server kept taking more: keep at most a bounded buffer per client, and stop reading"
                            + " from a client (no OP_READ) while its echo waits to be sent",
                    "一个从不读取回显的客户端发出了 " + FLOOD_LIMIT / (1024 * 1024)
                            + " MiB，服务端还在继续收：每个客户端只能有一个有界的缓冲区，它的回显还没发完时，就不要再从它那里读（不注册 OP_READ）")));
            try (EchoClient other = new EchoClient("client 2", server)) {
                other.send("am I served?\n");
                try {
                    other.expectEcho("am I served?\n", say("\"am I served?\\n\" while client 1 read nothing",
                            "\"am I served?\\n\"（这时客户端 1 什么也不读）"));
                } catch (AssertionError stuck) {
                    throw new AssertionError(stuck.getMessage() + "\n" + say(
                            "client 1 stopped reading after sending " + sent + " bytes; a server that loops"
                                    + " while (buffer.hasRemaining()) channel.write(buffer) spins there forever, since write"
                                    + " returns 0 while the client's window is full. Write once, and if bytes remain,"
                                    + " register OP_WRITE and go back to select",
                            "客户端 1 发出 " + sent + " 字节后就不再读取；如果服务端写成 while (buffer.hasRemaining())"
                                    + " channel.write(buffer)，就会在那里空转下去，因为对方窗口满了，write 一直返回 0。"
                                    + "只写一次，有剩余就注册 OP_WRITE，回到 select"), stuck);
                }
            }
        }
    }

    @Test
    @Tag("points=2")
    void usesAlmostNoCpuWhileNothingHappens() throws Exception {
        List<EchoClient> clients = new ArrayList<>();
        try (SelectorRunner server = SelectorRunner.start()) {
            try {
                for (int c = 1; c <= 3; c++) {
                    EchoClient client = new EchoClient("client " + c, server);
                    clients.add(client);
                    client.send("ping " + c + "\n");
                    client.expectEcho("ping " + c + "\n", "\"ping " + c + "\\n\"");
                }
                long cpuBefore = server.cpuNanos();
                long wallBefore = System.nanoTime();
                // a measuring window, not a wait for anything: three idle clients, no bytes in flight
                Thread.sleep(1500);
                long cpu = server.cpuNanos() - cpuBefore;
                long wall = System.nanoTime() - wallBefore;
                assertTrue(cpu * 20 < wall, server.withFailures(say(
                        "with three idle clients the server's thread used " + cpu / 1_000_000 + " ms of CPU in "
                                + wall / 1_000_000 + " ms: select should sleep until a socket is ready. Busy loops come from"
                                + " selectNow() or select(timeout) in a loop, and from OP_WRITE left registered with nothing"
                                + " to write (a connected socket is almost always writable, so select returns at once)",
                        "三个客户端都空闲时，服务端线程在 " + wall / 1_000_000 + " 毫秒里用了 " + cpu / 1_000_000
                                + " 毫秒 CPU：select 应该一直睡到有套接字就绪。忙循环通常来自循环里的 selectNow() 或"
                                + " select(timeout)，以及没东西可写却还注册着 OP_WRITE（已连接的套接字几乎总是可写，select 会立即返回）")));
            } finally {
                for (EchoClient client : clients) {
                    client.close();
                }
            }
        }
    }

    @Test
    @Tag("points=1")
    void returnsWhenInterruptedAndClosesItsClients() throws Exception {
        try (SelectorRunner server = SelectorRunner.start(); EchoClient client = new EchoClient("client 1", server)) {
            client.send("bye\n");
            client.expectEcho("bye\n", "\"bye\\n\"");
            assertTrue(server.interruptAndAwaitReturn(5000), say(
                    "serve did not return within 5 s of its thread being interrupted: loop while"
                            + " !Thread.currentThread().isInterrupted() (an interrupt wakes select)",
                    "线程被中断后 5 秒内 serve 没有返回：循环条件写成 !Thread.currentThread().isInterrupted()（中断会唤醒 select）"));
            assertTrue(server.failures().isEmpty(), server.withFailures(say(
                    "serve should return quietly when interrupted", "被中断时 serve 应该安静地返回")));
            client.socket().setSoTimeout(5000);
            assertEquals(-1, client.socket().getInputStream().read(), say(
                    "after serve returned, the client's connection should be closed", "serve 返回后，客户端的连接应该已经关闭"));
        }
    }

    static byte[] message(String client, int round) {
        StringBuilder text = new StringBuilder(client + ", message " + (round + 1) + ": ");
        while (text.length() < 90 + round * 7) {
            text.append((char) ('a' + text.length() % 26));
        }
        return text.append("\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] piece(byte[] message, int piece) {
        int from = message.length * piece / 3;
        int to = message.length * (piece + 1) / 3;
        return java.util.Arrays.copyOfRange(message, from, to);
    }

    /** A client with small socket buffers, so that a server which stops reading from it blocks it quickly. */
    static SocketChannel floodingClient(int port) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, SelectorRunner.SOCKET_BUFFER);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, SelectorRunner.SOCKET_BUFFER);
        channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        channel.configureBlocking(false);
        return channel;
    }

    /**
     * Sends without ever reading until the connection takes nothing more for 2 s (the server
     * stopped reading from it), or until {@link #FLOOD_LIMIT} bytes went out; returns the bytes sent.
     */
    static long floodUntilStuck(SocketChannel channel) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        long sent = 0;
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_WRITE);
            while (sent < FLOOD_LIMIT) {
                chunk.clear();
                int n = channel.write(chunk);
                sent += n;
                if (n == 0) {
                    // stuck only after 2 s without room: on a busy machine a server that reads
                    // without limit can go 500 ms unscheduled and look bounded
                    if (selector.select(2000) == 0) {
                        return sent;
                    }
                    selector.selectedKeys().clear();
                }
            }
        }
        return sent;
    }
}
