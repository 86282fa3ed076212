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
import java.util.ArrayList;
import java.util.List;

public final class GroupChatServer {
    private GroupChatServer() {
    }

    public static void serve(ServerSocket listening) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        List<PrintWriter> room = new ArrayList<>();
        try {
            while (true) {
                Socket client;
                try {
                    client = listening.accept();
                } catch (SocketException closed) {
                    return;
                }
                PrintWriter out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
                sockets.add(client);
                room.add(out);
                out.println("welcome");
                new Thread(() -> relay(client, out, room)).start();
            }
        } finally {
            for (Socket client : sockets) {
                client.close();
            }
        }
    }

    private static void relay(Socket client, PrintWriter mine, List<PrintWriter> room) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                for (PrintWriter out : room) {
                    if (out != mine) {
                        out.println(line);
                    }
                }
            }
        } catch (IOException gone) {
            // the client left
        } finally {
            room.remove(mine);
        }
    }
}
