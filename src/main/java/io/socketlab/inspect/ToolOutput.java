package io.socketlab.inspect;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The socket lists of {@code netstat -an} (Linux net-tools and the BSD/macOS layout) and of
 * {@code lsof -nP -iTCP -iUDP}, for systems without {@code /proc/net}. Lines that are not sockets
 * (headers, UNIX sockets) are skipped.
 */
public final class ToolOutput {
    private ToolOutput() {
    }

    /**
     * netstat's rows: {@code tcp4 0 0 127.0.0.1.8080 *.* LISTEN} (macOS) or
     * {@code tcp 0 0 127.0.0.1:8080 0.0.0.0:* LISTEN} (Linux).
     */
    public static List<SocketEntry> netstat(List<String> lines) {
        List<SocketEntry> entries = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 5 || !(f[0].startsWith("tcp") || f[0].startsWith("udp"))) {
                continue;
            }
            try {
                String protocol = (f[0].startsWith("tcp") ? "tcp" : "udp") + (f[3].contains(":") && f[3].indexOf(':') != f[3].lastIndexOf(':') ? "6" : "");
                String state = f.length > 5 ? normalState(f[5]) : protocol.startsWith("udp") ? "UNCONN" : "?";
                entries.add(new SocketEntry(protocol, state, address(f[3]), address(f[4]),
                        Long.parseLong(f[1]), Long.parseLong(f[2]), 0));
            } catch (IllegalArgumentException notASocket) {
                // a row this parser does not know (another netstat's layout): leave it out, keep the rest
            }
        }
        return entries;
    }

    /** lsof's rows: {@code java 4242 me 12u IPv6 0x1 0t0 TCP [::1]:8080->[::1]:50000 (ESTABLISHED)}; no queues. */
    public static List<SocketEntry> lsof(List<String> lines) {
        List<SocketEntry> entries = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 9 || !(f[4].equals("IPv4") || f[4].equals("IPv6")) || !(f[7].equals("TCP") || f[7].equals("UDP"))) {
                continue;
            }
            try {
                String protocol = f[7].toLowerCase(Locale.ROOT) + (f[4].equals("IPv6") ? "6" : "");
                String[] ends = f[8].split("->");
                InetSocketAddress remote = ends.length > 1 ? address(ends[1]) : new InetSocketAddress(0);
                String state = f.length > 9 ? normalState(f[9].replace("(", "").replace(")", ""))
                        : ends.length > 1 ? "ESTABLISHED" : "UNCONN";
                entries.add(new SocketEntry(protocol, state, address(ends[0]), remote, -1, -1, 0));
            } catch (IllegalArgumentException notASocket) {
                // a row with an address this parser cannot read: leave it out, keep the rest
            }
        }
        return entries;
    }

    /** FIN_WAIT_1, FIN_WAIT1, SYN_RECEIVED, ESTAB... spelt as ss spells them. */
    static String normalState(String raw) {
        String s = raw.toUpperCase(Locale.ROOT).replace('_', '-');
        return switch (s) {
            case "ESTAB" -> "ESTABLISHED";
            case "SYN-RECEIVED", "SYN-RCVD" -> "SYN-RECV";
            case "FIN-WAIT1" -> "FIN-WAIT-1";
            case "FIN-WAIT2" -> "FIN-WAIT-2";
            case "CLOSED" -> "CLOSE";
            case "IDLE", "BOUND" -> "UNCONN";
            default -> s;
        };
    }

    /** {@code 127.0.0.1:8080}, {@code 127.0.0.1.8080}, {@code [::1]:8080}, {@code ::1.8080}, {@code *.*}, {@code 0.0.0.0:*}. */
    static InetSocketAddress address(String text) {
        int cut = Math.max(text.lastIndexOf(':'), text.lastIndexOf('.'));
        if (cut <= 0) {
            throw new IllegalArgumentException("no port in " + text);
        }
        String host = text.substring(0, cut);
        String portText = text.substring(cut + 1);
        int port = portText.equals("*") ? 0 : Integer.parseInt(portText);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("*")) {
            return new InetSocketAddress(port);
        }
        if (!host.matches("[0-9a-fA-F.:%a-zA-Z]+") || !(host.contains(".") || host.contains(":"))) {
            throw new IllegalArgumentException("not a numeric address: " + host);
        }
        try {
            // numeric rows only (-n): getByName parses the literal and never asks DNS
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a numeric address: " + host, e);
        }
    }
}
