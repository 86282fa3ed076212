package io.socketlab.demo.trace;

import io.socketlab.inspect.SocketEntry;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/** How trace events spell addresses and bytes: escaped text, or hex on request. */
public final class TraceText {
    private TraceText() {
    }

    /** "127.0.0.1:8080", or "[::1]:8080" for IPv6, for an IP socket address; its toString otherwise, "-" for null. */
    public static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() instanceof Inet6Address) {
            // the colons of an IPv6 address would run into the port's: brackets, as chapter 12 writes it
            String host = inet.getAddress().getHostAddress().replaceFirst("%.*", "");
            return "[" + SocketEntry.compressed(host) + "]:" + inet.getPort();
        }
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return address == null ? "-" : address.toString();
    }

    /** The address family a Python program would create its socket with for {@code address}: AF_INET6 or AF_INET. */
    static String family(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() instanceof Inet6Address ? "AF_INET6" : "AF_INET";
    }

    /** What a traced call threw, as its line shows it: {@code threw ConnectException: Connection refused}. */
    public static String threw(Exception e) {
        return "threw " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** "1 byte", "0 bytes", "1024 bytes". */
    public static String bytes(int count) {
        return count == 1 ? "1 byte" : count + " bytes";
    }

    /** The bytes decoded as UTF-8 in double quotes, with control characters escaped (\n, \r, \t, \xNN). */
    public static String escaped(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        out.append(String.format("\\x%02x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** The bytes as space-separated lower-case hex pairs. */
    public static String hex(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (byte b : data) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(String.format("%02x", b & 0xff));
        }
        return out.toString();
    }
}
