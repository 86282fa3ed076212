package io.socketlab.demo.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Chapter 11: an HTTP/1.1 server over one folder, one connection at a time, one request per
 * connection ({@code Connection: close}). GET and HEAD only; nothing outside the folder is served.
 */
public final class HttpFolderServer {
    /** The longest request line or header line read; a longer one is a bad request. */
    static final int MAX_LINE = 8192;
    /** The most header lines read before the request counts as bad. */
    static final int MAX_HEADERS = 100;

    private final FolderFiles files;
    private final PrintStream console;

    /** A server for the files in {@code folder}, printing one line per request to {@code console}. */
    public HttpFolderServer(Path folder, PrintStream console) throws IOException {
        this.files = new FolderFiles(folder);
        this.console = console;
    }

    /** Serves clients on {@code listening} (bound) one after another until it is closed from another thread. */
    public void serve(ServerSocket listening) throws IOException {
        try (listening) {
            while (!listening.isClosed()) {
                Socket conn;
                try {
                    conn = listening.accept();
                } catch (SocketException closed) {
                    return;
                }
                try (conn) {
                    // a browser may open a connection and send nothing: do not wait on it for ever
                    conn.setSoTimeout(5000);
                    // buffered: the request is read a line at a time, the socket a buffer at a time
                    answer(new BufferedInputStream(conn.getInputStream()), conn.getOutputStream());
                } catch (IOException gone) {
                    // a silent, reset or cut-off client costs its own connection, never the server
                    console.println("connection dropped: " + gone.getMessage());
                }
            }
        }
    }

    /** Reads one request from {@code in} and writes its response to {@code out}. */
    void answer(InputStream in, OutputStream out) throws IOException {
        // region request-line
        String requestLine = readLine(in);
        if (requestLine == null) {
            console.println("the client closed without a request");
            return;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].matches("HTTP/1\\.[01]") || !parts[1].startsWith("/")) {
            respond(out, 400, "Bad Request", requestLine, false);
            return;
        }
        String method = parts[0];
        String target = parts[1];
        // endregion
        long bodyLength = readHeaders(in);
        if (bodyLength < 0) {
            respond(out, 400, "Bad Request", requestLine, false);
            return;
        }
        // region skip-body
        // read what the client sent after the headers, or closing now would reset its connection
        in.skipNBytes(Math.min(bodyLength, 1 << 20));
        // endregion
        if (!method.equals("GET") && !method.equals("HEAD")) {
            respond(out, 405, "Method Not Allowed", requestLine, false);
            return;
        }
        FolderFiles.Lookup found = files.find(target);
        switch (found.outcome()) {
            case FOUND -> sendFile(out, found.file(), method.equals("HEAD"), requestLine);
            case FORBIDDEN -> respond(out, 403, "Forbidden", requestLine, method.equals("HEAD"));
            case BAD -> respond(out, 400, "Bad Request", requestLine, method.equals("HEAD"));
            default -> respond(out, 404, "Not Found", requestLine, method.equals("HEAD"));
        }
    }

    private void sendFile(OutputStream out, Path file, boolean headOnly, String requestLine) throws IOException {
        byte[] body = Files.readAllBytes(file);
        // region response-head
        String head = "HTTP/1.1 200 OK\r\n"
                + "Content-Type: " + ContentTypes.of(file.getFileName().toString()) + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!headOnly) {
            out.write(body);
        }
        out.flush();
        // endregion
        console.println(requestLine + " -> 200 OK, " + body.length + " bytes");
    }

    private void respond(OutputStream out, int status, String reason, String requestLine, boolean headOnly) throws IOException {
        byte[] body = (status + " " + reason + "\n").getBytes(StandardCharsets.US_ASCII);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + (status == 405 ? "Allow: GET, HEAD\r\n" : "")
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        if (!headOnly) {
            out.write(body);
        }
        out.flush();
        console.println(requestLine + " -> " + status + " " + reason);
    }

    /**
     * Reads header lines up to the blank line; returns the Content-Length (0 without one), or -1 for
     * a malformed head: a line without a colon, too many lines, or a length that is not a number.
     */
    private static long readHeaders(InputStream in) throws IOException {
        long contentLength = 0;
        for (int count = 0; count <= MAX_HEADERS; count++) {
            // region header-lines
            String line = readLine(in);
            if (line == null || line.isEmpty()) {
                return contentLength;   // the blank line: the head is over
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return -1;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            // endregion
            if (name.equals("content-length")) {
                if (!value.matches("\\d{1,18}")) {
                    return -1;
                }
                contentLength = Long.parseLong(value);
            }
        }
        return -1;
    }

    /**
     * One line ending in CRLF (a bare LF is accepted too, for requests typed into nc), without the
     * line end; null at the end of the stream before any byte.
     */
    static String readLine(InputStream in) throws IOException {
        // region read-line
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        // endregion
    }
}
