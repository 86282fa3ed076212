package io.socketlab.demo.names;

/**
 * A host and a port as people write them: {@code example.com:80}, {@code 127.0.0.1:8080},
 * {@code [::1]:8080}. An IPv6 address is full of colons, so with a port it goes in square brackets.
 */
public record HostPort(String host, int port) {

    /**
     * Reads {@code text}; without a port, {@code defaultPort}. A bare IPv6 literal ({@code ::1}) has no
     * port. IllegalArgumentException for an empty host, a port that is not a number or above 65535.
     */
    public static HostPort parse(String text, int defaultPort) {
        String host = text.strip();
        String port = null;
        // region brackets
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'[' without ']' in " + text);
            }
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (rest.startsWith(":")) {
                port = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("after ']' comes ':' and a port, not " + rest);
            }
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            // one colon: name:port; two or more: a bare IPv6 address, no port
            port = host.substring(host.indexOf(':') + 1);
            host = host.substring(0, host.indexOf(':'));
        }
        // endregion
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in " + text);
        }
        if (port == null) {
            return new HostPort(host, defaultPort);
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("not a port (0..65535): " + port);
        }
        return new HostPort(host, Integer.parseInt(port));
    }

    /** Back to text, brackets around an IPv6 literal: {@code [::1]:8080}. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
