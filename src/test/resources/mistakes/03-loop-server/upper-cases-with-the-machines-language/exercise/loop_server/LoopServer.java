package exercise.loop_server;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** The upper-casing server of chapter 5, with a connection loop and a communication loop. */
public final class LoopServer {
    private LoopServer() {
    }

    /**
     * Serves clients on {@code listening} one after another, replying to each message with it
     * upper-cased, until {@code listening} is closed; then returns. {@code quit}, a closed or a
     * reset connection ends only that client.
     */
    public static void serve(ServerSocket listening) throws IOException {
        while (true) {
            Socket client;
            try {
                client = listening.accept();
            } catch (SocketException closed) {
                return;
            }
            try (client) {
                talk(client);
            } catch (IOException vanished) {
                // A reset or broken connection ends this client only; the next one is waiting.
            }
        }
    }

    private static void talk(Socket client) throws IOException {
        // One reader for the whole connection: a character cut between two reads waits in it.
        Reader in = new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        char[] buffer = new char[1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            String text = new String(buffer, 0, n);
            if (text.strip().equals("quit")) {
                return;
            }
            out.write(text.toUpperCase().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
