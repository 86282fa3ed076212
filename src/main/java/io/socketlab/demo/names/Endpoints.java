package io.socketlab.demo.names;

import io.socketlab.inspect.SocketEntry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** How chapter 12 writes addresses: 127.0.0.1:8080, [::1]:8080, and which family an address is. */
public final class Endpoints {
    private Endpoints() {
    }

    /** "127.0.0.1:8080" or "[::1]:8080". */
    public static String text(InetSocketAddress address) {
        return SocketEntry.text(address);
    }

    /** "IPv6" or "IPv4". */
    public static String family(InetAddress address) {
        return address instanceof Inet6Address ? "IPv6" : "IPv4";
    }
}
