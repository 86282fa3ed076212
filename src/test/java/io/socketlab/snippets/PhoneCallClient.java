package io.socketlab.snippets;

// region program
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Chapter 4's client, whole: dial, say one thing, hear the answer, hang up. */
public final class PhoneCallClient {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String message = args.length > 1 ? args[1] : "hello";
        System.out.println(call("127.0.0.1", port, message));
    }

    /** Says {@code message} in UTF-8 to host:port and returns the reply (one read, at most 1024 bytes). */
    static String call(String host, int port, String message) throws IOException {
        // region call
        try (Socket phone = new Socket()) {                            // buy a phone
            phone.connect(new InetSocketAddress(host, port), 5000);    // dial; give up after 5 s
            phone.setSoTimeout(5000);                                  // wait 5 s for an answer
            phone.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8)); // say
            byte[] buffer = new byte[1024];
            int n = phone.getInputStream().read(buffer);               // hear: recv(1024)
            return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
        }                                                              // hang up
        // endregion
    }
}
// endregion
