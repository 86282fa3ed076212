package exercise.loop_server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

public final class LoopServer {
    private LoopServer() {
    }

    public static void serve(ServerSocket listening) throws IOException {
        while (true) {
            Socket client;
            try {
                client = listening.accept();
            } catch (SocketException closed) {
                return;
            }
            try (client) {
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                byte[] buffer = new byte[1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
                    if (text.strip().equals("quit")) {
                        break;
                    }
                    out.write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException vanished) {
                // next client
            }
        }
    }
}
