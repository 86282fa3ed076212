package exercise.loop_server;

import java.io.IOException;
import java.net.ServerSocket;

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
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
