package io.socketlab.snippets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The socket calls of chapters 2-3, each in a named region that the
 * lessons include. SnippetsTest runs every region on 127.0.0.1.
 */
final class ApiTour {

    private ApiTour() {
    }

    /** Returns a server socket bound to 127.0.0.1 on a free port. */
    static ServerSocket listen() throws IOException {
        // region listen
        ServerSocket server = new ServerSocket();    // socket()
        server.setReuseAddress(true);                // setsockopt()
        server.bind(new InetSocketAddress("127.0.0.1", 0), 5);
        int port = server.getLocalPort();            // getsockname()
        // endregion
        return server;
    }

    /** Returns "open" if something listens there, "refused" if not. */
    static String probe(InetSocketAddress address) throws IOException {
        // region connect-ex
        try (Socket socket = new Socket()) {
            socket.connect(address, 2000);           // timeout in ms
            return "open";
        } catch (ConnectException e) {               // like errno 111
            return "refused";
        }
        // endregion
    }

    /** Returns the "local -> remote" addresses of a connected socket. */
    static String ends(Socket socket) {
        // region names
        SocketAddress me = socket.getLocalSocketAddress();    // sockname
        SocketAddress peer = socket.getRemoteSocketAddress(); // peername
        // endregion
        return me + " -> " + peer;
    }

    /** Sets the options chapter 3 shows and returns SO_RCVBUF. */
    static int tune(Socket socket) throws IOException {
        // region options
        socket.setTcpNoDelay(true);                  // TCP_NODELAY
        socket.setSoTimeout(5000);                   // reads wait 5 s
        socket.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        int rcvbuf = socket.getOption(StandardSocketOptions.SO_RCVBUF);
        // endregion
        return rcvbuf;
    }

    /**
     * Offers the whole buffer to the channel once, like Python's send;
     * returns how many bytes the kernel took (possibly fewer).
     */
    static int sendOnce(SocketChannel channel, ByteBuffer data)
            throws IOException {
        // region send
        int taken = channel.write(data);   // may take only part
        // data.position() now marks where the rest begins
        // endregion
        return taken;
    }

    /**
     * Writes the buffer to a channel in blocking mode, the default: one
     * call returns only when every byte has been taken.
     */
    static int writeBlocking(SocketChannel channel, ByteBuffer data)
            throws IOException {
        // region blocking-write
        int taken = channel.write(data);   // blocking: all of it, like sendall
        // endregion
        return taken;
    }

    /**
     * Writes every remaining byte to a non-blocking channel, sleeping in
     * the selector whenever the send buffer is full; returns how many
     * write calls took no byte at all.
     */
    static int writeWhenWritable(SocketChannel channel, ByteBuffer data)
            throws IOException {
        int wasted = 0;
        // region wait-writable
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_WRITE);
            while (data.hasRemaining()) {
                selector.select();         // sleeps until the buffer has room
                if (channel.write(data) == 0) {
                    wasted++;
                }
            }
        }
        // endregion
        return wasted;
    }

    /** Sends one line through text streams and reads one line back. */
    static String chatLine(Socket socket, String line) throws IOException {
        // region makefile
        BufferedReader reader = new BufferedReader(new InputStreamReader(
                socket.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter writer = new PrintWriter(socket.getOutputStream(),
                true, StandardCharsets.UTF_8);       // autoflush
        writer.println(line);
        String reply = reader.readLine();            // null at EOF
        // endregion
        return reply;
    }

    /** Receives one datagram and sends it back with a-z upper-cased. */
    static byte[] echoDatagram(DatagramSocket server) throws IOException {
        // region udp-server
        byte[] buf = new byte[1024];
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        server.receive(in);                          // recvfrom(1024)
        int n = in.getLength();
        byte[] heard = Arrays.copyOf(buf, n);
        for (int i = 0; i < n; i++) {                // msg.upper(): a-z only
            if (buf[i] >= 'a' && buf[i] <= 'z') {
                buf[i] -= 'a' - 'A';
            }
        }
        server.send(new DatagramPacket(buf, n,
                in.getSocketAddress()));             // sendto(addr)
        // endregion
        return heard;
    }

    /** Sends text as one datagram to the address and returns the reply. */
    static String askDatagram(DatagramSocket client, SocketAddress to,
            String text) throws IOException {
        // region udp-client
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(out, out.length, to)); // sendto
        byte[] buf = new byte[1024];
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        client.receive(in);                          // recvfrom(1024)
        return new String(in.getData(), 0, in.getLength(),
                StandardCharsets.UTF_8);
        // endregion
    }
}
