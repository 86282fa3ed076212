package exercise.loop_server;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

public final class LoopServer {
    private LoopServer() {
    }

    public static void serve(ServerSocket listening) throws IOException {
        try {
            while (true) {
                try (Socket client = listening.accept()) {
                    Reader in = new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8);
                    OutputStream out = client.getOutputStream();
                    char[] buffer = new char[1024];
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        String text = new String(buffer, 0, n);
                        if (text.strip().equals("quit")) {
                            break;
                        }
                        out.write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("server stopped: " + e);
        }
    }
}
