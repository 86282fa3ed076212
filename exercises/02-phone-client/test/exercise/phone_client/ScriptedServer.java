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

import static io.socketlab.testkit.Say.say;

/**
 * A test server for one call: it reads what the client says (up to {@code expectedBytes}), then
 * sends the reply pieces one write at a time, with a pause between them, and hangs up. It records
 * what it heard so a failing test can say so.
 *
 * <p>The pause is what makes the pieces arrive apart: written back to back, TCP may deliver them
 * in one segment, and a client that reads only once would pass by luck. A client blocked in read
 * wakes with the first piece alone.
 */
final class ScriptedServer implements AutoCloseable {
    private final ServerSocket listening;
    private final CompletableFuture<String> heard = new CompletableFuture<>();
    private final CompletableFuture<Void> called = new CompletableFuture<>();
    private final Thread thread;

    /** Pauses between the pieces of a reply, so that they arrive apart. */
    static final int PAUSE_MILLIS = 150;

    ScriptedServer(int expectedBytes, List<byte[]> pieces) throws IOException {
        this(expectedBytes, pieces, PAUSE_MILLIS);
    }

    /** As the other constructor, with {@code pauseMillis} between pieces (0: back to back). */
    ScriptedServer(int expectedBytes, List<byte[]> pieces, int pauseMillis) throws IOException {
        listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(expectedBytes, pieces, pauseMillis), "scripted-server");
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
                    "（没有来电：端口 " + port() + " 上没有收到任何连接）");
        }
        try {
            return heard.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return say("(nothing heard within 5 s of the call)", "（接通后 5 秒内什么也没听到）");
        }
    }

    private void serve(int expectedBytes, List<byte[]> pieces, int pauseMillis) {
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
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0 && pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
                out.write(pieces.get(i));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
