package io.socketlab.demo.phone;

// region client
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Chapter 4: a TCP client that makes one call, says one thing and hears the answer. */
public final class PhoneClient {
    /** Calls 127.0.0.1:8080 and says the first argument, or hello. */
    public static void main(String[] args) throws IOException {
        // buy a phone; leaving the try block hangs up
        try (Socket phone = new Socket()) {
            // a server that never answers must not keep us waiting for ever
            phone.setSoTimeout(5000);
            System.out.println(call(phone, "127.0.0.1", 8080, args.length > 0 ? args[0] : "hello"));
        }
    }

    /** Dials host:port on phone, says message in UTF-8, returns the reply. */
    public static String call(Socket phone, String host, int port, String message) throws IOException {
        // region dial
        phone.connect(new InetSocketAddress(host, port), 5000); // dial the number
        // endregion
        // region say
        phone.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        // endregion
        // region hear
        // the server hangs up after its answer: read up to there,
        // then decode the whole reply at once
        byte[] reply = phone.getInputStream().readAllBytes();
        return new String(reply, StandardCharsets.UTF_8);
        // endregion
    }
}
// endregion
