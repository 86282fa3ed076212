package exercise.group_chat;

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class GroupChatServer {
    public static void serve(ServerSocket listening) throws IOException {
        List<Socket> room = new CopyOnWriteArrayList<>();
        try {
            while (true) {
                Socket client = listening.accept();
                room.add(client);
                client.getOutputStream().write("welcome\n".getBytes(StandardCharsets.UTF_8));
                new Thread(() -> relay(client, room)).start();
            }
        } catch (SocketException closed) {
            for (Socket client : room) {
                client.close();
            }
        }
    }

    private static void relay(Socket client, List<Socket> room) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                for (Socket everyone : room) {
                    synchronized (everyone) {
                        everyone.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException gone) {
            room.remove(client);
        }
    }
}
