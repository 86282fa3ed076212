package io.socketlab.demo.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A received response cut where the protocol cuts it: the head up to the blank line, then the body. */
public record HttpResponseText(String head, byte[] body) {

    /** Splits {@code response} at the first CRLF CRLF; without one, it is all head and no body. */
    public static HttpResponseText split(byte[] response) {
        for (int i = 0; i + 3 < response.length; i++) {
            if (response[i] == '\r' && response[i + 1] == '\n' && response[i + 2] == '\r' && response[i + 3] == '\n') {
                return new HttpResponseText(new String(response, 0, i, StandardCharsets.ISO_8859_1),
                        Arrays.copyOfRange(response, i + 4, response.length));
            }
        }
        return new HttpResponseText(new String(response, StandardCharsets.ISO_8859_1), new byte[0]);
    }

    /** The status line: "HTTP/1.1 200 OK". */
    public String statusLine() {
        int end = head.indexOf("\r\n");
        return end < 0 ? head : head.substring(0, end);
    }

    /** The value of header {@code name} (any case), or null. */
    public String header(String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The body as text (UTF-8). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
