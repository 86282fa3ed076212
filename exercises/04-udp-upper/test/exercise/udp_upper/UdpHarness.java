package exercise.udp_upper;

import io.socketlab.testkit.LearnerCode;
import io.socketlab.testkit.Say;
import io.socketlab.testkit.Sockets;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.socketlab.testkit.Say.say;

/**
 * Runs the learner's UDP server on a socket bound to 127.0.0.1:0 and gives tests clients that log
 * what they send and receive, so a failure message can tell the whole exchange.
 */
final class UdpHarness implements AutoCloseable {
    final DatagramSocket serverSocket;
    private final Thread thread;
    private final List<Throwable> failures = new ArrayList<>();
    final List<String> log = new ArrayList<>();

    UdpHarness() throws IOException {
        serverSocket = Sockets.datagram();
        thread = new Thread(() -> {
            try {
                UdpUpperServer.serve(serverSocket);
            } catch (Throwable t) {
                synchronized (failures) {
                    failures.add(t);
                }
            }
        }, "learner-udp-server");
        thread.setDaemon(true);
        thread.start();
    }

    DatagramSocket client(String name) throws IOException {
        DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client.setSoTimeout(2000);
        synchronized (log) {
            log.add(say("[" + tag(name) + "] bound to port " + client.getLocalPort(),
                    "[" + tag(name) + "] 绑定到端口 " + client.getLocalPort()));
        }
        return client;
    }

    void send(String name, DatagramSocket client, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(bytes, bytes.length, serverSocket.getLocalSocketAddress()));
        synchronized (log) {
            log.add(say("[" + tag(name) + "] sent \"" + text + "\" (" + Say.bytes(bytes.length) + ")",
                    "[" + tag(name) + "] 发送了 \"" + text + "\"（" + Say.bytes(bytes.length) + "）"));
        }
    }

    /**
     * The next datagram's text, or an AssertionError with the log when none comes within 2 s, or
     * as soon as the server has ended by throwing (UDP has no reset to say so).
     */
    String receive(String name, DatagramSocket client) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        long deadline = System.nanoTime() + 2_000_000_000L;
        client.setSoTimeout(50);
        while (true) {
            try {
                client.receive(packet);
                break;
            } catch (SocketTimeoutException e) {
                boolean threw = !thread.isAlive() && !failures().isEmpty();
                if (threw || System.nanoTime() > deadline) {
                    synchronized (log) {
                        log.add(say("[" + tag(name) + "] no reply" + (threw ? "" : " within 2 s"),
                                "[" + tag(name) + "] " + (threw ? "" : "2 秒内") + "没有收到回复"));
                    }
                    String headline = threw
                            ? say(tag(name) + " got no reply because the server threw " + describe(failures().get(0)),
                                    "[" + tag(name) + "] 没有收到回复，因为服务端抛出了 " + describe(failures().get(0)))
                            : say(tag(name) + " got no reply within 2 s", "[" + tag(name) + "] 在 2 秒内没有收到回复");
                    throw new NoReply(headline + "\n" + log());
                }
            }
        }
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        synchronized (log) {
            log.add(say("[" + tag(name) + "] received " + Say.quote(text) + " (" + Say.bytes(packet.getLength()) + ")",
                    "[" + tag(name) + "] 收到了 " + Say.quote(text) + "（" + Say.bytes(packet.getLength()) + "）"));
        }
        return text;
    }

    /**
     * Receives the reply to {@code sent} and fails, with what the difference means, unless it is
     * {@code expected}: bytes past the datagram's end (a buffer decoded whole, or reused with an
     * earlier datagram's tail), the reply meant for another client (one of {@code othersReplies}),
     * or another text.
     */
    void expect(String name, DatagramSocket client, String sent, String expected, String... othersReplies) throws IOException {
        expect(name, client, sent, expected, List.of(othersReplies));
    }

    private void expect(String name, DatagramSocket client, String sent, String expected, List<String> othersReplies) throws IOException {
        String got = receive(name, client);
        if (got.equals(expected)) {
            return;
        }
        int wanted = expected.getBytes(StandardCharsets.UTF_8).length;
        int had = got.getBytes(StandardCharsets.UTF_8).length;
        String headline;
        if (got.startsWith(expected)) {
            headline = say("the reply to " + Say.quote(sent) + " should be " + Say.quote(expected) + " (" + Say.bytes(wanted) + ") but had "
                    + Say.bytes(had) + ": what follows it (" + Say.bytes(had - wanted) + ") was never part of the datagram; it was left in the"
                    + " buffer (zeros, or the tail of an earlier, longer datagram). Decode only the bytes received:"
                    + " new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)",
                    "对 " + Say.quote(sent) + " 的回复应该是 " + Say.quote(expected) + "（" + wanted + " 字节），实际却有 " + had
                    + " 字节：后面那 " + (had - wanted) + " 个字节根本不属于这个数据报，它们是缓冲区里留下的（零，或者之前一个更长的数据报的尾巴）。"
                    + "只解码收到的那些字节：new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)");
        } else if (othersReplies.contains(got)) {
            headline = say(tag(name) + " received " + Say.quote(got) + ", the reply to another client's datagram: send each reply to"
                    + " the address its own datagram came from (packet.getSocketAddress()), not to a client remembered from before",
                    "[" + tag(name) + "] 收到了 " + Say.quote(got) + "，这是给另一个客户端的数据报的回复：每个回复都要发到它自己那个"
                    + "数据报的来源地址（packet.getSocketAddress()），而不是之前记下的某个客户端");
        } else {
            headline = say("the reply to " + Say.quote(sent) + " should be " + Say.quote(expected) + " but was " + Say.quote(got),
                    "对 " + Say.quote(sent) + " 的回复应该是 " + Say.quote(expected) + "，实际却是 " + Say.quote(got));
        }
        throw new AssertionError(headline + "\n" + log());
    }

    /** A reply that never came, as opposed to one that came wrong. */
    static final class NoReply extends AssertionError {
        NoReply(String message) {
            super(message);
        }
    }

    /**
     * {@code failure} with {@code why} put first when no reply came at all, where the test knows the
     * likely reason; a reply that came wrong already says what is wrong with it.
     */
    static AssertionError diagnoseNoReply(AssertionError failure, String why) {
        return failure instanceof NoReply ? new AssertionError(why + "\n" + failure.getMessage(), failure) : failure;
    }

    /** How a client named in a test is shown: the tests' generic "client" is translated, real names are not. */
    private static String tag(String name) {
        return name.equals("client") ? say("client", "客户端") : name;
    }

    private static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        StackTraceElement frame = LearnerCode.where(t.getStackTrace());
        return frame == null ? text : text + say(" (at " + LearnerCode.place(frame) + ")", "（位于 " + LearnerCode.place(frame) + "）");
    }

    String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    List<Throwable> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    boolean stopAndAwaitReturn() throws InterruptedException {
        serverSocket.close();
        thread.join(2000);
        return !thread.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stopAndAwaitReturn();
    }
}
