package exercise.chat_client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.util.Map;

/** The UDP chat client of chapter 7, with its socket, contacts, input and output handed in. */
public final class ChatClient {
    private final DatagramSocket socket;
    private final Map<String, SocketAddress> contacts;
    private final BufferedReader input;
    private final PrintWriter output;

    public ChatClient(DatagramSocket socket, Map<String, SocketAddress> contacts, BufferedReader input, PrintWriter output) {
        this.socket = socket;
        this.contacts = contacts;
        this.input = input;
        this.output = output;
    }

    /** The article's contact book in order TOM, JACK, 一棵树, 武大郎, every name at {@code server}. */
    public static Map<String, SocketAddress> articleContacts(SocketAddress server) {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }

    /**
     * Reads contact names and messages from the input until it ends or {@code quit} is typed at
     * the contact prompt, sending each non-empty message to the chosen contact and printing
     * {@code NAME: REPLY} (or {@code no reply from NAME}, or {@code unknown contact: NAME}).
     */
    public void run() throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
