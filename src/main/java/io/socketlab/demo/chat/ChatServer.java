package io.socketlab.demo.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;

/** Chapter 7: the article's "QQ" server: show each message, let a person type the answer. */
public final class ChatServer {
    private final PrintStream screen;
    private final BufferedReader keyboard;

    /** Shows what arrives on {@code screen}; the person answers each message on {@code keyboard} (end of input stops the server). */
    public ChatServer(PrintStream screen, BufferedReader keyboard) {
        this.screen = screen;
        this.keyboard = keyboard;
    }

    /** Serves on {@code udp} until the keyboard's input ends or {@code udp} is closed from another thread; closes it. */
    public void serve(DatagramSocket udp) throws IOException {
        try (udp) {
            byte[] buffer = new byte[1024];
            while (true) {
                // region receive
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    udp.receive(packet);
                } catch (IOException closed) {
                    return;
                }
                String from = packet.getAddress().getHostAddress() + ":" + packet.getPort();
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                screen.println("message from [" + from + "]: " + text);
                // endregion
                // region answer
                // a human at the keyboard writes back; an empty line would go
                // out as an empty datagram (still a message), so ask again
                String reply = keyboard.readLine();
                while (reply != null && reply.isEmpty()) {
                    reply = keyboard.readLine();
                }
                if (reply == null) {
                    return;
                }
                byte[] data = reply.getBytes(StandardCharsets.UTF_8);
                udp.send(new DatagramPacket(data, data.length, packet.getSocketAddress()));
                // endregion
            }
        }
    }
}
