package io.socketlab.snippets;

// region program
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Chapter 4's client: dial, say one thing, hear the answer, hang up. */
public final class PhoneCallClient {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String message = args.length > 1 ? args[1] : "hello";
        System.out.println(call("127.0.0.1", port, message));
    }

    /** Says the message in UTF-8; returns one read of the reply. */
    static String call(String host, int port, String message)
            throws IOException {
        // region call
        try (Socket phone = new Socket()) {          // buy a phone
            // dial, giving up after 5 s; then wait 5 s at most for a reply
            phone.connect(new InetSocketAddress(host, port), 5000);
            phone.setSoTimeout(5000);
            byte[] words = message.getBytes(StandardCharsets.UTF_8);
            phone.getOutputStream().write(words);    // say: sendall
            byte[] buffer = new byte[1024];
            int n = phone.getInputStream().read(buffer);   // recv(1024)
            if (n < 0) {
                return "";                   // hung up, said nothing
            }
            return new String(buffer, 0, n, StandardCharsets.UTF_8);
        }                                            // hang up
        // endregion
    }
}
// endregion
