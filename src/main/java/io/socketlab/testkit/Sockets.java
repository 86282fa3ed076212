package io.socketlab.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * Sockets to hand to the learner's code, bound to 127.0.0.1 on a free port. Under the grader the
 * learner's code runs in a process of its own, and these are made there (a test holds a handle:
 * its port, {@code isClosed()}, {@code close()}); under plain Maven or an IDE they are ordinary
 * sockets. Sockets a test uses itself, as a client, are made with {@code new} as usual.
 */
public final class Sockets {
    private Sockets() {
    }

    /** A listening TCP socket with room for {@code backlog} waiting connections. */
    public static ServerSocket listening(int backlog) throws IOException {
        Subject subject = Subject.current();
        if (subject == null) {
            return new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        }
        return RemoteServerSocket.of(subject, subject.bind("server", backlog));
    }

    /**
     * A listening channel in blocking mode, with room for {@code backlog} waiting connections; the
     * sockets it accepts start with a receive buffer of {@code receiveBuffer} bytes.
     */
    public static ServerSocketChannel listeningChannel(int backlog, int receiveBuffer) throws IOException {
        Subject subject = Subject.current();
        if (subject == null) {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
                channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return channel;
        }
        return RemoteServerSocketChannel.of(subject, (Wire.Handle) subject.ask("serverchannel", backlog, receiveBuffer));
    }

    /** A UDP socket. */
    public static DatagramSocket datagram() throws IOException {
        Subject subject = Subject.current();
        if (subject == null) {
            return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        }
        return RemoteDatagramSocket.of(subject, subject.bind("datagram", 0));
    }
}
