package exercise.webget;

import java.io.IOException;

/** Chapter 11: fetch a page with nothing but a socket. */
public final class WebGet {
    private WebGet() {
    }

    /**
     * Connects to {@code host:port}, sends {@code GET path HTTP/1.1} with the headers Host and
     * Connection: close (every line ended by CRLF, then an empty line), and returns everything the
     * server sends until it closes the connection: status line, headers and body, decoded as UTF-8.
     */
    public static String get(String host, int port, String path) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
