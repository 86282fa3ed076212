package exercise.socket_table;

import java.net.InetAddress;

/** Reads the lines of Linux's /proc/net/tcp and /proc/net/tcp6. */
public final class ProcNetTcp {
    private ProcNetTcp() {
    }

    /**
     * Decodes an address as the file prints it: 8 hex digits for IPv4 (0100007F is 127.0.0.1), 32
     * for IPv6; each group of 8 is one 32-bit word in little-endian byte order.
     *
     * @throws IllegalArgumentException for any other length or a character that is not hex
     */
    public static InetAddress address(String hex) {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }

    /**
     * Decodes one line, such as
     * {@code 0: 0100007F:1F90 00000000:0000 0A 00000000:00000002 00:00000000 00000000 1000 0 34424 ...}.
     *
     * @throws IllegalArgumentException for a line that is not a socket line (the header line included)
     */
    public static SocketLine parse(String line) {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
