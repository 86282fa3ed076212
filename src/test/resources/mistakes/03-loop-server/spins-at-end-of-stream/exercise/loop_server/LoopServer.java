package exercise.loop_server;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

public final class LoopServer {
    private LoopServer() {
    }

    public static void serve(ServerSocket listening) throws IOException {
        while (!listening.isClosed()) {
            Socket client;
            try {
                client = listening.accept();
            } catch (SocketException closed) {
                return;
            }
            try (client) {
                Reader in = new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8);
                OutputStream out = client.getOutputStream();
                char[] buffer = new char[1024];
                while (!listening.isClosed()) {
                    int n = in.read(buffer);
                    if (n <= 0) {
                        continue;
                    }
                    String text = new String(buffer, 0, n);
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
