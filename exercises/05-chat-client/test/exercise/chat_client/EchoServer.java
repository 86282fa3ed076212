package exercise.chat_client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.socketlab.testkit.Say.say;

/**
 * The test's side of the chat: a UDP server on 127.0.0.1:0 that records every datagram it hears
 * and answers with it upper-cased, unless the text is "silence", which gets no answer.
 */
final class EchoServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private final List<String> heard = new ArrayList<>();

    EchoServer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::answer, "chat-echo-server");
        thread.setDaemon(true);
        thread.start();
    }

    SocketAddress address() {
        return socket.getLocalSocketAddress();
    }

    List<String> heard() {
        synchronized (heard) {
            return List.copyOf(heard);
        }
    }

    private void answer() {
        byte[] buffer = new byte[2048];
        try {
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                synchronized (heard) {
                    heard.add(text);
                }
                if (!text.equals("silence")) {
                    byte[] reply = text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                }
            }
        } catch (SocketException closed) {
            // The test closed the socket: the server's work is done.
        } catch (IOException e) {
            synchronized (heard) {
                heard.add(say("(server failed: " + e.getMessage() + ")", "（服务器出错：" + e.getMessage() + "）"));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
