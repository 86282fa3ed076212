package exercise.phone_client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.socketlab.grade.testkit.Say.say;

/**
 * A test server for one call: it reads what the client says (up to {@code expectedBytes}), then
 * sends the reply pieces one write at a time, each only after the previous one was flushed, and
 * hangs up. It records what it heard so a failing test can say so.
 */
final class ScriptedServer implements AutoCloseable {
    private final ServerSocket listening;
    private final CompletableFuture<String> heard = new CompletableFuture<>();
    private final CompletableFuture<Void> called = new CompletableFuture<>();
    private final Thread thread;

    ScriptedServer(int expectedBytes, List<byte[]> pieces) throws IOException {
        listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(expectedBytes, pieces), "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listening.getLocalPort();
    }

    /**
     * What the server heard, or a description of what went wrong. Asked once the client's code
     * has returned: a call that was never made is said at once, not after the 5 s reply wait.
     */
    String heard() {
        try {
            called.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            return say("(no call came: nothing connected to port " + port() + ")",
                    "（没有来电：没有任何连接连到端口 " + port() + "）");
        }
        try {
            return heard.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return say("(nothing heard within 5 s of the call)", "（接通后 5 秒内什么也没听到）");
        }
    }

    private void serve(int expectedBytes, List<byte[]> pieces) {
        try (Socket call = listening.accept()) {
            called.complete(null);
            call.setSoTimeout(5000);
            InputStream in = call.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (got.size() < expectedBytes) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
            }
            heard.complete(got.toString(StandardCharsets.UTF_8));
            OutputStream out = call.getOutputStream();
            call.setTcpNoDelay(true);
            for (byte[] piece : pieces) {
                out.write(piece);
                out.flush();
            }
        } catch (IOException e) {
            heard.complete(say("(the server failed: " + e.getMessage() + ")", "（服务器出错：" + e.getMessage() + "）"));
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listening.close();
        thread.join(2000);
    }

    static List<byte[]> utf8(String... pieces) {
        return java.util.Arrays.stream(pieces).map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
