package io.socketlab.inspect;

import java.net.InetSocketAddress;

/**
 * One socket as the kernel lists it: protocol ({@code tcp}, {@code tcp6}, {@code udp}, {@code udp6}),
 * state as {@code ss} spells it (LISTEN, SYN-RECV, ESTABLISHED, TIME-WAIT...; UNCONN for an unconnected
 * UDP socket), both ends, and the two queues. For a listening TCP socket {@code recvQ} is the accept
 * queue: connections the handshake finished and nobody has accepted yet. A queue the source does not
 * give is -1. {@code inode} ties the entry to a process's file descriptor; 0 when no process owns it
 * (TIME-WAIT, a connection still waiting in the accept queue) or the source does not say.
 */
public record SocketEntry(String protocol, String state, InetSocketAddress local, InetSocketAddress remote,
                          long recvQ, long sendQ, long inode) {

    /** True for TCP entries, IPv4 or IPv6. */
    public boolean tcp() {
        return protocol.startsWith("tcp");
    }

    /** "127.0.0.1:8080", "[::1]:8080", "*:8080" for a wildcard address, "*:*" for no peer. */
    public static String text(InetSocketAddress address) {
        String port = address.getPort() == 0 ? "*" : String.valueOf(address.getPort());
        if (address.getAddress() == null || address.getAddress().isAnyLocalAddress()) {
            return "*:" + port;
        }
        byte[] raw = address.getAddress().getAddress();
        if (raw.length == 16 && isMappedIpv4(raw)) {
            return "[::ffff:" + (raw[12] & 0xff) + "." + (raw[13] & 0xff) + "." + (raw[14] & 0xff) + "." + (raw[15] & 0xff) + "]:" + port;
        }
        String host = address.getAddress().getHostAddress();
        int scope = host.indexOf('%');
        if (scope >= 0) {
            host = host.substring(0, scope);
        }
        return (host.contains(":") ? "[" + compressed(host) + "]" : host) + ":" + port;
    }

    /** ::ffff:a.b.c.d, an IPv4 peer of a dual-stack IPv6 socket. */
    private static boolean isMappedIpv4(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return raw[10] == (byte) 0xff && raw[11] == (byte) 0xff;
    }

    /** Java writes 0:0:0:0:0:0:0:1; people and ss write ::1 (the longest run of two or more zero groups becomes ::). */
    public static String compressed(String full) {
        String[] parts = full.split(":");
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < parts.length; ) {
            int j = i;
            while (j < parts.length && parts[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestLength < 2) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(parts, bestStart + bestLength, parts.length));
        return head + "::" + tail;
    }
}
