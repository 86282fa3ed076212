package io.socketlab.snippets;

// region program
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Chapter 4's one-shot server: one call, a reply in capitals, hang up. */
public final class PhoneCallServer {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        // buy a phone
        try (ServerSocket phone = new ServerSocket()) {
            // insert the SIM card and switch on (backlog 5)
            phone.bind(new InetSocketAddress("127.0.0.1", port), 5);
            System.out.println("on " + phone.getLocalSocketAddress());
            answerOneCall(phone);
        }
    }

    /** Hears up to 1024 bytes and says them back with a-z in capitals. */
    static void answerOneCall(ServerSocket phone) throws IOException {
        // region answer
        try (Socket conn = phone.accept()) {         // answer the phone
            System.out.println("from " + conn.getRemoteSocketAddress());
            InputStream in = conn.getInputStream();
            byte[] buffer = new byte[1024];
            int n = in.read(buffer);                 // hear: recv(1024)
            if (n < 0) {
                return;                              // hung up in silence
            }
            for (int i = 0; i < n; i++) {            // data.upper(): a-z
                if (buffer[i] >= 'a' && buffer[i] <= 'z') {
                    buffer[i] -= 'a' - 'A';
                }
            }
            OutputStream out = conn.getOutputStream();
            out.write(buffer, 0, n);                 // reply: sendall
        }                                            // hang up
        // endregion
    }
}
// endregion
