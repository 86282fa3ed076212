package exercise.web_server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
        String requestLine = readLine(in);
        if (requestLine == null) {
            return;
        }
        // the headers end at the empty line; this server needs none of them
        String header;
        do {
            header = readLine(in);
        } while (header != null && !header.isEmpty());
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[1].startsWith("/") || !parts[2].startsWith("HTTP/1.")) {
            respond(out, "400 Bad Request", "text/plain; charset=utf-8", "bad request\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!parts[0].equals("GET")) {
            respond(out, "405 Method Not Allowed", "text/plain; charset=utf-8", "only GET\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path file = find(folder, parts[1]);
        if (file == null) {
            respond(out, "404 Not Found", "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        respond(out, "200 OK", contentType(file), Files.readAllBytes(file));
    }

    /** The file for a target, or null when it is missing. */
    private static Path find(Path folder, String target) throws IOException {
        String path = target.split("\\?", 2)[0];
        String decoded;
        try {
            // decode first: %2e%2e is ".." too ('+' stays '+' in a path)
            decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
        Path file;
        try {
            file = folder.resolve(decoded.substring(1));
        } catch (InvalidPathException e) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        return Files.isRegularFile(file) ? file : null;
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static void respond(OutputStream out, String status, String type, byte[] body) throws IOException {
        String head = "HTTP/1.1 " + status + "\r\n"
                + "Content-Type: " + type + "\r\n"
                + "Content-Length: " + body.length + "\r\n"   // bytes, not characters
                + "Connection: close\r\n"
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** One line without its CRLF (a bare LF is accepted too); null at the end of the stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (line.size() > 8192) {
                throw new IOException("a line longer than 8 KiB");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
