package exercise.selector_echo;

import static io.socketlab.testkit.Say.say;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** A blocking test client: sends bytes, reads back exactly as many, says what came back when it did not. */
final class EchoClient implements AutoCloseable {
    private final String name;
    private final SelectorRunner server;
    private final Socket socket;

    EchoClient(String name, SelectorRunner server) throws IOException {
        this.name = name;
        this.server = server;
        socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5000);
        // short reads, so a server that has already ended is told at once, not after 10 s
        socket.setSoTimeout(100);
    }

    String name() {
        return name;
    }

    Socket socket() {
        return socket;
    }

    void send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads exactly {@code expected.length} bytes and checks they are {@code expected}; an AssertionError otherwise. */
    void expectEcho(byte[] expected, String what) throws IOException {
        byte[] got = new byte[expected.length];
        int have = 0;
        InputStream in = socket.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (have < got.length) {
            int n;
            try {
                n = in.read(got, have, got.length - have);
            } catch (SocketTimeoutException notYet) {
                if (server.hasEnded()) {
                    throw new AssertionError(server.withFailures(say(name + " sent " + what + " and got " + have + " of its "
                                    + expected.length + " bytes back before serve ended: it must keep serving until interrupted",
                            name + " 发送了" + what + "，serve 结束之前只回显了 " + expected.length + " 字节中的 " + have
                                    + " 字节：serve 要一直服务，直到线程被中断")));
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError(server.withFailures(say(name + " sent " + what + " and got " + have + " of its "
                                    + expected.length + " bytes back within 10 s",
                            name + " 发送了" + what + "，10 秒内只收到 " + expected.length + " 字节中的 " + have + " 字节")));
                }
                continue;
            }
            if (n < 0) {
                throw new AssertionError(server.withFailures(say(name + " sent " + what + " and got " + have + " of its " + expected.length
                                + " bytes back before the server closed the connection",
                        name + " 发送了" + what + "，服务端关闭连接之前只回显了 " + expected.length + " 字节中的 " + have + " 字节")));
            }
            have += n;
        }
        if (!Arrays.equals(expected, got)) {
            int at = Arrays.mismatch(expected, got);
            throw new AssertionError(server.withFailures(say(name + " sent " + what + ": the echo differs from byte " + at
                            + " on; expected \"" + text(expected, at) + "\" there, got \"" + text(got, at)
                            + "\" (bytes of another client, or out of order?)",
                    name + " 发送了" + what + "：回显从第 " + at + " 个字节起就不对了；那里应该是 \"" + text(expected, at)
                            + "\"，实际是 \"" + text(got, at) + "\"（混进了别的客户端的字节，还是顺序乱了？）")));
        }
    }

    void expectEcho(String text, String what) throws IOException {
        expectEcho(text.getBytes(StandardCharsets.UTF_8), what);
    }

    private static String text(byte[] bytes, int from) {
        return new String(bytes, from, Math.min(24, bytes.length - from), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
