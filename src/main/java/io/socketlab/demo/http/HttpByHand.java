package io.socketlab.demo.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Chapter 11: an HTTP client with no library: write the request's bytes, then read until the server closes. */
public final class HttpByHand {
    private HttpByHand() {
    }

    /** The request head for GET {@code path}: request line, Host, Connection: close, blank line. */
    public static String getRequest(String host, int port, String path) {
        // region get-request
        return "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        // endregion
    }

    /** Connects {@code socket} (not connected yet), sends {@code request} as given, returns every byte of the response. */
    public static byte[] exchange(Socket socket, String host, int port, String request) throws IOException {
        try (socket) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            // region half-close
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();      // FIN: "my request is complete", the socket still reads
            InputStream in = socket.getInputStream();
            return in.readAllBytes();     // until the server's FIN: the end of the response
            // endregion
        }
    }
}
