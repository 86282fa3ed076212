package exercise.resilient_client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener on 127.0.0.1 with a backlog of 1 that accepts nobody, its queue filled by the test:
 * the system answers no further SYN, so a connect there times out (loopback never drops
 * anything else). {@link #drain()} accepts the queued callers and makes room again.
 */
final class FullQueue implements AutoCloseable {
    private final ServerSocket listening;
    private final List<Socket> callers = new ArrayList<>();

    FullQueue() throws IOException {
        listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < 10; i++) {
            Socket caller = new Socket();
            callers.add(caller);
            try {
                caller.connect(listening.getLocalSocketAddress(), 300);
            } catch (SocketTimeoutException full) {
                return;
            }
        }
        close();
        throw new IllegalStateException("10 callers got into a queue of backlog 1: this system does not let a connect time out that way");
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listening.getLocalSocketAddress();
    }

    /** Accepts and hangs up every caller waiting in the queue, so the next connect gets in. */
    void drain() throws IOException {
        listening.setSoTimeout(2000);
        for (Socket caller : callers) {
            if (caller.isConnected()) {
                listening.accept().close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (Socket caller : callers) {
            caller.close();
        }
        listening.close();
    }
}
