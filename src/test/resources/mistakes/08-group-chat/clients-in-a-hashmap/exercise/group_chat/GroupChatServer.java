package exercise.group_chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.HashMap;

/** A line-based chat room: one thread per client, each line broadcast to everyone else. */
public final class GroupChatServer {
    private GroupChatServer() {
    }

    /**
     * Accepts clients on {@code listening} until it is closed, sends each new client the line
     * {@code welcome}, and relays every line a client sends to all other connected clients. On
     * return every client connection is closed and every client thread has been told to end.
     */
    public static void serve(ServerSocket listening) throws IOException {
        Map<Socket, PrintWriter> room = new HashMap<>();
        try {
            while (true) {
                Socket client;
                try {
                    client = listening.accept();
                } catch (SocketException closed) {
                    return;
                }
                PrintWriter out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
                room.put(client, out);
                synchronized (out) {
                    out.println("welcome");
                }
                Thread reader = new Thread(() -> relay(client, room), "chat-" + client.getPort());
                reader.start();
            }
        } finally {
            for (Socket client : room.keySet()) {
                client.close();
            }
        }
    }

    private static void relay(Socket client, Map<Socket, PrintWriter> room) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                for (Map.Entry<Socket, PrintWriter> other : room.entrySet()) {
                    if (other.getKey() != client) {
                        PrintWriter out = other.getValue();
                        // One writer is shared by every relaying thread: lines must not interleave.
                        synchronized (out) {
                            out.println(line);
                        }
                    }
                }
            }
        } catch (IOException gone) {
            // A reset or a server shutdown ends this client; the room carries on without it.
        } finally {
            room.remove(client);
        }
    }
}
