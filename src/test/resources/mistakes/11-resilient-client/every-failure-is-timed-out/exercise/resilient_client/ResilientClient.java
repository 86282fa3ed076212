package exercise.resilient_client;

import exercise.resilient_client.ConnectResult.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;

/** The resilient client of chapter 10: connect with a timeout, retry with backoff, say why it failed. */
public final class ResilientClient {
    private ResilientClient() {
    }

    public static ConnectResult connect(InetSocketAddress address, RetryPolicy policy, Sleeper sleeper)
            throws IOException, InterruptedException {
        long delay = policy.firstDelayMillis();
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (attempt > 1) {
                sleeper.sleep(delay);
                delay = Math.min(delay * 2, policy.maxDelayMillis());
            }
            Socket socket = new Socket();
            try {
                socket.connect(address, policy.connectTimeoutMillis());
                return new ConnectResult(Outcome.CONNECTED, attempt, socket);
            } catch (UnknownHostException unknown) {
                socket.close();
                throw unknown;
            } catch (IOException failed) {
                // the server did not answer in time
                socket.close();
            }
        }
        return new ConnectResult(Outcome.TIMED_OUT, policy.attempts(), null);
    }
}
