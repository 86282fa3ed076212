package exercise.every_address;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Chapter 12: connect to a name by trying each of its addresses in turn. */
public final class EveryAddress {
    private EveryAddress() {
    }

    /**
     * Resolves {@code host} with {@code resolver} and connects to {@code port} at each address in the
     * order given, waiting at most {@code timeoutMillis} for each, until one connects. Returns that
     * connected socket (its getInetAddress() says which address worked); closes every socket that
     * failed. When none connects, throws an IOException whose message names every address tried and
     * why it failed. An UnknownHostException of the resolver is thrown as it is.
     */
    public static Socket connect(String host, int port, Resolver resolver, int timeoutMillis) throws IOException {
        InetAddress[] addresses = resolver.resolve(host);
        StringBuilder failures = new StringBuilder();
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            // the first refused call throws out of the loop: the next address is never tried
            socket.connect(new InetSocketAddress(address, port), timeoutMillis);
            return socket;
        }
        throw new IOException("could not connect to " + host + " port " + port + " at any of its "
                + addresses.length + " addresses (" + failures + ")");
    }
}
