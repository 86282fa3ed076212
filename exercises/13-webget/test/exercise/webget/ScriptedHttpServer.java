package exercise.webget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A one-request HTTP server on 127.0.0.1: it reads the request head up to the empty line (waiting at
 * most 5 s), records it, then sends the response in the pieces given, one write each with a pause
 * between them so they arrive apart, and closes the connection.
 */
final class ScriptedHttpServer implements AutoCloseable {
    static final int HEAD_WAIT_MILLIS = 5000;
    private static final int PAUSE_MILLIS = 100;

    private final ServerSocket listening;
    private final CompletableFuture<String> request = new CompletableFuture<>();
    private final Thread thread;

    ScriptedHttpServer(List<byte[]> pieces) throws IOException {
        listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(pieces), "scripted-http-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listening.getLocalPort();
    }

    /** What the client sent up to and including the empty line, or all it sent before 5 s passed or it closed. */
    String request() throws Exception {
        return request.get(20, TimeUnit.SECONDS);
    }

    /** True when the recorded request ends with the empty line. */
    boolean sawTheEmptyLine() throws Exception {
        return request().endsWith("\r\n\r\n");
    }

    private void serve(List<byte[]> pieces) {
        try (Socket conn = accept()) {
            conn.setSoTimeout(HEAD_WAIT_MILLIS);
            conn.setTcpNoDelay(true);
            InputStream in = conn.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            try {
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.write(b);
                }
            } catch (SocketTimeoutException waitedEnough) {
                request.complete(head.toString(StandardCharsets.ISO_8859_1));
                return;
            }
            request.complete(head.toString(StandardCharsets.ISO_8859_1));
            OutputStream out = conn.getOutputStream();
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0) {
                    Thread.sleep(PAUSE_MILLIS);
                }
                out.write(pieces.get(i));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            request.complete("");
        }
    }

    private Socket accept() throws IOException {
        listening.setSoTimeout(20_000);
        return listening.accept();
    }

    @Override
    public void close() throws Exception {
        listening.close();
        thread.join(20_000);
    }
}
