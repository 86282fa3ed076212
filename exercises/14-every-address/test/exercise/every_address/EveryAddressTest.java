package exercise.every_address;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every address is on this machine: 127.0.0.1, 127.0.0.2 (also loopback on Linux) and ::1. */
@Timeout(30)
class EveryAddressTest {
    static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    /** A resolver that gives {@code addresses} for the name "example.test" and knows no other. */
    static Resolver listing(InetAddress... addresses) {
        return host -> {
            if (!host.equals("example.test")) {
                throw new UnknownHostException(host);
            }
            return addresses.clone();
        };
    }

    /** A port on 127.0.0.1 where nobody listens (a listener was there and is closed). */
    static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(ip("127.0.0.1"), 0));
            return probe.getLocalPort();
        }
    }

    static ServerSocket listen(String address, int port, int backlog) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(ip(address), port), backlog);
        return server;
    }

    @Test
    @Tag("points=3")
    void triesTheNextAddressWhenTheFirstIsRefused() throws Exception {
        int port = closedPort();
        String why = say("nobody listens on [::1] at this port, so the call there fails; the second address, 127.0.0.1, answers:"
                + " keep going after a failure instead of giving up",
                "这个端口上 [::1] 没人监听，所以那里的连接会失败；第二个地址 127.0.0.1 会应答：失败之后要接着试，不要放弃");
        try (ServerSocket server = listen("127.0.0.1", port, 5)) {
            Socket socket;
            try {
                socket = EveryAddress.connect("example.test", port, listing(ip("::1"), ip("127.0.0.1")), 2000);
            } catch (IOException gaveUp) {
                throw new AssertionError(why + say(" (it threw ", "（它抛出了 ") + gaveUp + say(")", "）"), gaveUp);
            }
            try (socket) {
                assertTrue(socket.isConnected(), say("the returned socket must be connected", "返回的套接字必须已经连接"));
                assertEquals("127.0.0.1", socket.getInetAddress().getHostAddress(), why);
            }
        }
    }

    @Test
    @Tag("points=2")
    void keepsTheResolversOrderAndStopsAtTheFirstThatWorks() throws Exception {
        int port = closedPort();
        try (ServerSocket first = listen("127.0.0.1", port, 5);
             ServerSocket second = listen("127.0.0.2", port, 5)) {
            try (Socket socket = EveryAddress.connect("example.test", port, listing(ip("127.0.0.1"), ip("127.0.0.2")), 2000)) {
                assertEquals("127.0.0.1", socket.getInetAddress().getHostAddress(),
                        say("both addresses listen: the first in the resolver's order must be used",
                                "两个地址都在监听：应该用解析器顺序里的第一个"));
            }
        }
    }

    @Test
    @Tag("points=3")
    void anAddressThatNeverAnswersCostsOnlyTheTimeout() throws Exception {
        int port = closedPort();
        // backlog 1 and two calls already queued: the kernel drops every further SYN, so a connect there never finishes
        try (ServerSocket full = listen("127.0.0.2", port, 1);
             Socket queued1 = new Socket(ip("127.0.0.2"), port);
             Socket queued2 = new Socket(ip("127.0.0.2"), port);
             ServerSocket working = listen("127.0.0.1", port, 5)) {
            CompletableFuture<Socket> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return EveryAddress.connect("example.test", port, listing(ip("127.0.0.2"), ip("127.0.0.1")), 500);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Socket socket;
            try {
                socket = call.get(15, TimeUnit.SECONDS);
            } catch (TimeoutException stuck) {
                throw new AssertionError(say("still connecting after 15 s: 127.0.0.2 never answers (its accept queue is full),"
                        + " and a connect without a timeout waits there for minutes; use connect(address, timeoutMillis)",
                        "15 秒后还在连接：127.0.0.2 永远不会应答（它的全连接队列满了），不带超时的 connect 会在那里等好几分钟；"
                        + "要用 connect(address, timeoutMillis)"));
            } catch (ExecutionException failed) {
                throw new AssertionError(say("127.0.0.2 timed out and 127.0.0.1 listens, so the call should have worked; it threw ",
                        "127.0.0.2 超时了，而 127.0.0.1 在监听，所以应该连得上；却抛出了 ") + failed.getCause(), failed.getCause());
            }
            try (socket) {
                assertEquals("127.0.0.1", socket.getInetAddress().getHostAddress());
            }
        }
    }

    @Test
    @Tag("points=2")
    void whenNoAddressWorksTheErrorNamesEachOne() throws Exception {
        int port = closedPort();
        IOException error = assertThrows(IOException.class,
                () -> EveryAddress.connect("example.test", port, listing(ip("127.0.0.1"), ip("127.0.0.2")), 1000),
                say("nobody listens at either address: throw an IOException", "两个地址都没人监听：应抛出 IOException"));
        String message = String.valueOf(error.getMessage());
        List<String> missing = new ArrayList<>();
        for (String address : List.of("127.0.0.1", "127.0.0.2")) {
            if (!message.contains(address)) {
                missing.add(address);
            }
        }
        assertEquals(List.of(), missing, say("the message must name every address tried, so the learner sees what failed where;"
                + " it was: " + message, "消息里必须写出尝试过的每个地址，让人看得出哪里失败了；实际消息是：" + message));
    }
}
