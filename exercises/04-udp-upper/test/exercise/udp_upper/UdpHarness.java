package exercise.udp_upper;

import io.socketlab.testkit.LearnerCode;
import io.socketlab.testkit.Say;
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
        serverSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
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
            log.add(say("[" + tag(name) + "] sent \"" + text + "\" (" + bytes.length + " bytes)",
                    "[" + tag(name) + "] 发送了 \"" + text + "\"（" + bytes.length + " 字节）"));
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
                                    "[" + tag(name) + "] 没有收到回复，因为服务器抛出了 " + describe(failures().get(0)))
                            : say(tag(name) + " got no reply within 2 s (did the reply go to another address?)",
                                    "[" + tag(name) + "] 在 2 秒内没有收到回复（回复是不是发到别的地址去了？）");
                    throw new AssertionError(headline + "\n" + log());
                }
            }
        }
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        synchronized (log) {
            log.add(say("[" + tag(name) + "] received " + Say.quote(text) + " (" + packet.getLength() + " bytes)",
                    "[" + tag(name) + "] 收到了 " + Say.quote(text) + "（" + packet.getLength() + " 字节）"));
        }
        return text;
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
