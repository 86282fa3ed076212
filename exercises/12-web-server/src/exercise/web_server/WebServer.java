package exercise.web_server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;

/** Chapter 11: a web server for the files of one folder, one request per connection. */
public final class WebServer {
    private WebServer() {
    }

    /** Serves clients on {@code listening} one after another until it is closed (given: you write answer). */
    public static void serve(ServerSocket listening, Path folder) throws IOException {
        while (true) {
            Socket conn;
            try {
                conn = listening.accept();
            } catch (SocketException closed) {
                return;
            }
            try (conn) {
                conn.setSoTimeout(5000);
                answer(conn.getInputStream(), conn.getOutputStream(), folder);
            } catch (IOException lost) {
                // one client's trouble ends its own connection, never the server
            }
        }
    }

    /**
     * Reads one request from {@code in} (the request line, header lines, the empty line) and writes
     * the response to {@code out}: 200 with the file, 404 when there is none, 400 for a request line
     * that is not HTTP, 405 for a method other than GET, and never a file outside {@code folder}.
     * Every response has Content-Type, Content-Length and Connection: close.
     */
    public static void answer(InputStream in, OutputStream out, Path folder) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
