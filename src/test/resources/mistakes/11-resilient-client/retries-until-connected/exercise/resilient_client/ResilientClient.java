package exercise.resilient_client;

import exercise.resilient_client.ConnectResult.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** The resilient client of chapter 10: connect with a timeout, retry with backoff, say why it failed. */
public final class ResilientClient {
    private ResilientClient() {
    }

    public static ConnectResult connect(InetSocketAddress address, RetryPolicy policy, Sleeper sleeper)
            throws IOException, InterruptedException {
        long delay = policy.firstDelayMillis();
        // keep trying until the server is there: it will come back
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                sleeper.sleep(delay);
                delay = Math.min(delay * 2, policy.maxDelayMillis());
            }
            Socket socket = new Socket();
            try {
                socket.connect(address, policy.connectTimeoutMillis());
                return new ConnectResult(Outcome.CONNECTED, attempt, socket);
            } catch (IOException failed) {
                socket.close();
            }
        }
    }
}
