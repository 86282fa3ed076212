package exercise.group_chat;

import java.io.IOException;
import java.net.ServerSocket;

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
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
