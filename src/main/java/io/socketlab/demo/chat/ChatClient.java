package io.socketlab.demo.chat;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Chapter 7: a chat client with a contact book; every contact lives at the chat server's address. */
public final class ChatClient implements Closeable {
    private final DatagramSocket udp;
    private final Map<String, InetSocketAddress> contacts = new LinkedHashMap<>();
    private InetSocketAddress talkingTo;

    /** A client writing from {@code udp} (its timeout decides how long {@link #receive} waits) to contacts at {@code host:port}. */
    public ChatClient(DatagramSocket udp, String host, int port) {
        // region contacts
        InetSocketAddress server = new InetSocketAddress(host, port);
        contacts.put("TOM", server);
        contacts.put("JACK", server);
        contacts.put("一棵树", server);
        contacts.put("武大郎", server);
        // endregion
        this.udp = udp;
    }

    /** The names in the contact book, in the order they were added. */
    public Set<String> contacts() {
        return contacts.keySet();
    }

    /** Picks the contact to write to; false when the name is not in the book. */
    public boolean pick(String name) {
        talkingTo = contacts.get(name);
        return talkingTo != null;
    }

    /** The contact being written to, or null after {@code quit}. */
    public boolean talking() {
        return talkingTo != null;
    }

    /**
     * Sends one line to the picked contact. Empty lines are skipped and {@code quit} leaves the
     * contact; both return false. True means a message went out and a reply will follow.
     */
    public boolean send(String line) throws IOException {
        // region send
        if (line.isEmpty()) {
            return false;
        }
        if (line.equals("quit")) {
            // leave this contact, pick another
            talkingTo = null;
            return false;
        }
        byte[] data = line.getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(data, data.length, talkingTo));
        return true;
        // endregion
    }

    /** Waits for the next reply (until one arrives, the socket's timeout passes or the socket is closed). */
    public String receive() throws IOException {
        // region receive
        DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
        udp.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        // endregion
    }

    @Override
    public void close() {
        udp.close();
    }
}
