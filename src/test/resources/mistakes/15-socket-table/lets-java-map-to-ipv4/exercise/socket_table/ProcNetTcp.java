package exercise.socket_table;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Reads the lines of Linux's /proc/net/tcp and /proc/net/tcp6. */
public final class ProcNetTcp {
    /** The states by the number the kernel prints (hex), as ss spells them. */
    private static final String[] STATES = {
        null, "ESTABLISHED", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT",
        "CLOSE", "CLOSE-WAIT", "LAST-ACK", "LISTEN", "CLOSING"
    };

    private ProcNetTcp() {
    }

    /**
     * Decodes an address as the file prints it: 8 hex digits for IPv4 (0100007F is 127.0.0.1), 32
     * for IPv6; each group of 8 is one 32-bit word in little-endian byte order.
     *
     * @throws IllegalArgumentException for any other length or a character that is not hex
     */
    public static InetAddress address(String hex) {
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("an address has 8 or 32 hex digits, not " + hex.length() + ": " + hex);
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                // the last pair of a word's digits is its first byte in memory
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            // Inet6Address keeps ::ffff:127.0.0.1 as IPv6; InetAddress.getByAddress would turn it into IPv4
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException(impossible);
        }
    }

    /**
     * Decodes one line, such as
     * {@code 0: 0100007F:1F90 00000000:0000 0A 00000000:00000002 00:00000000 00000000 1000 0 34424 ...}.
     *
     * @throws IllegalArgumentException for a line that is not a socket line (the header line included)
     */
    public static SocketLine parse(String line) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length < 5 || !fields[0].endsWith(":")) {
            throw new IllegalArgumentException("not a socket line: " + line);
        }
        try {
            String[] local = fields[1].split(":");
            String[] remote = fields[2].split(":");
            String[] queues = fields[4].split(":");
            int code = Integer.parseInt(fields[3], 16);
            if (code <= 0 || code >= STATES.length) {
                throw new IllegalArgumentException("no state numbered " + fields[3] + " in: " + line);
            }
            return new SocketLine(STATES[code], address(local[0]), Integer.parseInt(local[1], 16),
                    address(remote[0]), Integer.parseInt(remote[1], 16),
                    Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a socket line: " + line, e);
        }
    }
}
