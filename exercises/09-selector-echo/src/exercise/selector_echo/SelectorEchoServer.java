package exercise.selector_echo;

import java.io.IOException;
import java.nio.channels.ServerSocketChannel;

/** An echo server of chapter 9: one thread, one Selector, every client at once. */
public final class SelectorEchoServer {
    private SelectorEchoServer() {
    }

    /**
     * Echoes every byte each client sends back to that client, in order, serving all clients on
     * the calling thread, until the thread is interrupted; then closes every client and returns.
     * {@code listening} is bound and in blocking mode; closing it is the caller's job.
     */
    public static void serve(ServerSocketChannel listening) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
