package io.socketlab.inspect;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of Linux's {@code /proc/net/tcp}, {@code tcp6}, {@code udp} and {@code udp6}.
 * A line looks like
 * {@code 0: 0100007F:1F90 00000000:0000 0A 00000000:00000002 00:00000000 00000000 1000 0 34424 ...}:
 * local and remote address in hex, the state as a hex number, then transmit and receive queue.
 * Addresses are written as the kernel keeps them in memory: 32-bit words in the machine's byte
 * order (little-endian on x86 and ARM), so 127.0.0.1 is {@code 0100007F}; the port is plain hex.
 */
public final class ProcNet {
    /** TCP states by the number the kernel uses (include/net/tcp_states.h), spelt as ss spells them. */
    private static final String[] TCP_STATES = {
        "?", "ESTABLISHED", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT",
        "CLOSE", "CLOSE-WAIT", "LAST-ACK", "LISTEN", "CLOSING", "SYN-RECV"
    };

    private ProcNet() {
    }

    /** The state name of hex code {@code code} for {@code protocol}; UDP has no handshake, only UNCONN or ESTABLISHED. */
    public static String state(String protocol, int code) {
        if (protocol.startsWith("udp")) {
            return code == 1 ? "ESTABLISHED" : "UNCONN";
        }
        return code > 0 && code < TCP_STATES.length ? TCP_STATES[code] : "UNKNOWN-" + code;
    }

    /** Every entry of one file's text; the header line and blank lines are skipped. */
    public static List<SocketEntry> parse(String protocol, List<String> lines) {
        List<SocketEntry> entries = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("sl")) {
                continue;
            }
            entries.add(parseLine(protocol, trimmed));
        }
        return entries;
    }

    /** One line of the file; IllegalArgumentException saying what is wrong with it otherwise. */
    public static SocketEntry parseLine(String protocol, String line) {
        String[] fields = line.strip().split("\\s+");
        if (fields.length < 10 || !fields[0].endsWith(":")) {
            throw new IllegalArgumentException("not a /proc/net/" + protocol + " line: " + line);
        }
        try {
            InetSocketAddress local = address(fields[1]);
            InetSocketAddress remote = address(fields[2]);
            int code = Integer.parseInt(fields[3], 16);
            String[] queues = fields[4].split(":");
            long sendQ = Long.parseLong(queues[0], 16);
            long recvQ = Long.parseLong(queues[1], 16);
            long inode = Long.parseLong(fields[9]);
            String state = state(protocol, code);
            // a listener's tx_queue is always 0; the Send-Q ss shows for it, the backlog, is not in the file
            return new SocketEntry(protocol, state, local, remote, recvQ, state.equals("LISTEN") ? -1 : sendQ, inode);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a /proc/net/" + protocol + " line (" + e.getMessage() + "): " + line, e);
        }
    }

    /** {@code 0100007F:1F90} is 127.0.0.1:8080; 32 hex digits before the colon are an IPv6 address. */
    public static InetSocketAddress address(String field) {
        int colon = field.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no ':' between address and port in " + field);
        }
        String hex = field.substring(0, colon);
        int port = Integer.parseInt(field.substring(colon + 1), 16);
        if (hex.length() != 8 && hex.length() != 32) {
            throw new IllegalArgumentException("an address is 8 or 32 hex digits, not " + hex.length() + ": " + hex);
        }
        // region decode-address
        byte[] bytes = new byte[hex.length() / 2];
        // each 32-bit word was printed as a number, so its bytes come out in reverse of memory order
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        // endregion
        try {
            // Inet6Address keeps ::ffff:127.0.0.1 as it is; InetAddress.getByAddress would make it IPv4
            InetAddress ip = bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
            return new InetSocketAddress(ip, port);
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException(impossible.getMessage(), impossible);
        }
    }
}
