package exercise.webget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\n"
                    + "Connection: close\r\n"
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the request is complete: say so, and keep the socket open for reading
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                response.write(buffer, 0, n);
            }
            // decode once, at the end: a character may be split between two reads
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
