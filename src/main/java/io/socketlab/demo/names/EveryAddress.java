package io.socketlab.demo.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Chapter 12: resolve a name to all its addresses, then call the server at each one in turn. */
public final class EveryAddress {
    /** One address tried: its reply line, or why the call failed. */
    public record Attempt(InetAddress address, String reply, String failure) {
        public boolean worked() {
            return failure == null;
        }
    }

    /** Where the sockets come from: {@code new Socket()} in a program of your own. */
    @FunctionalInterface
    public interface Sockets {
        Socket make() throws IOException;
    }

    private final Sockets sockets;
    private final int timeoutMillis;

    /** Calls with sockets from {@code sockets}, waiting at most {@code timeoutMillis} to connect and then to read. */
    public EveryAddress(Sockets sockets, int timeoutMillis) {
        this.sockets = sockets;
        this.timeoutMillis = timeoutMillis;
    }

    /** Every address of {@code host}, in the order the resolver gives them. */
    public static List<InetAddress> resolve(String host) throws IOException {
        // region resolve
        InetAddress[] all = InetAddress.getAllByName(host);   // getaddrinfo underneath
        // endregion
        return List.of(all);
    }

    /** Calls {@code port} at every address of {@code host} and reads one line from each. */
    public List<Attempt> callEach(String host, int port) throws IOException {
        List<Attempt> attempts = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            // region each-address
            try (Socket socket = sockets.make()) {
                socket.connect(new InetSocketAddress(address, port), timeoutMillis);
                socket.setSoTimeout(timeoutMillis);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                attempts.add(new Attempt(address, in.readLine(), null));
            } catch (IOException failed) {
                attempts.add(new Attempt(address, null, failed.getClass().getSimpleName() + ": " + failed.getMessage()));
            }
            // endregion
        }
        return attempts;
    }
}
