package exercise.resilient_client;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The resilient client of chapter 10: connect with a timeout, retry with backoff, say why it failed. */
public final class ResilientClient {
    private ResilientClient() {
    }

    /**
     * Connects to {@code address} as {@code policy} says, waiting between attempts with
     * {@code sleeper}. A refused or timed-out attempt is retried; any other IOException (an unknown
     * host, say) is thrown at once. Sockets of failed attempts are closed.
     */
    public static ConnectResult connect(InetSocketAddress address, RetryPolicy policy, Sleeper sleeper)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
