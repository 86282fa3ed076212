package io.socketlab.demo.trace;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

/** Standard socket factories whose sockets report every call to one {@link TraceListener}. */
public final class TracedSockets {
    private TracedSockets() {
    }

    /** Server sockets traced on the server side; only the unbound {@code createServerSocket()} is supported. */
    public static ServerSocketFactory serverFactory(TraceListener listener) {
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new TracedServerSocket(listener);
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                ServerSocket socket = createServerSocket();
                socket.bind(new java.net.InetSocketAddress(port));
                return socket;
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                ServerSocket socket = createServerSocket();
                socket.bind(new java.net.InetSocketAddress(port), backlog);
                return socket;
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                ServerSocket socket = createServerSocket();
                socket.bind(new java.net.InetSocketAddress(address, port), backlog);
                return socket;
            }
        };
    }

    /** Client sockets traced on {@code side}; the unconnected {@code createSocket()} is what demos use. */
    public static SocketFactory socketFactory(Side side, TraceListener listener) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new TracedSocket(side, listener);
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                Socket socket = createSocket();
                socket.connect(new java.net.InetSocketAddress(host, port));
                return socket;
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
                Socket socket = createSocket();
                socket.bind(new java.net.InetSocketAddress(localHost, localPort));
                socket.connect(new java.net.InetSocketAddress(host, port));
                return socket;
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                Socket socket = createSocket();
                socket.connect(new java.net.InetSocketAddress(host, port));
                return socket;
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
                Socket socket = createSocket();
                socket.bind(new java.net.InetSocketAddress(localAddress, localPort));
                socket.connect(new java.net.InetSocketAddress(address, port));
                return socket;
            }
        };
    }

    /** Datagram sockets traced on {@code side}. */
    public static DatagramSocketFactory datagramFactory(Side side, TraceListener listener) {
        return bindAddress -> new TracedDatagramSocket(side, listener, bindAddress);
    }

    /** A {@link DatagramSocket} that reports bind, sendto, recvfrom (with truncation) and close. */
    static final class TracedDatagramSocket extends DatagramSocket {
        private final Side side;
        private final TraceListener listener;
        private boolean closed;

        TracedDatagramSocket(Side side, TraceListener listener, SocketAddress bindAddress) throws SocketException {
            super(bindAddress == null ? new java.net.InetSocketAddress(0) : bindAddress);
            this.side = side;
            this.listener = listener;
            listener.onCall(new TraceEvent(side, "socket", "AF_INET, SOCK_DGRAM", null));
            listener.onCall(new TraceEvent(side, "bind", TraceText.address(getLocalSocketAddress()), null));
        }

        @Override
        public void send(DatagramPacket packet) throws IOException {
            listener.onCall(new TraceEvent(side, "sendto", packet.getLength() + " bytes to "
                    + TraceText.address(packet.getSocketAddress()),
                    Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength())));
            super.send(packet);
        }

        @Override
        public void receive(DatagramPacket packet) throws IOException {
            int room = packet.getLength();
            try {
                super.receive(packet);
            } catch (IOException e) {
                listener.onCall(new TraceEvent(side, "recvfrom", TraceText.threw(e), null));
                throw e;
            }
            int n = packet.getLength();
            // Java cuts a datagram longer than the buffer without a word; a full buffer is the only sign.
            String detail = n + " of " + room + " bytes from " + TraceText.address(packet.getSocketAddress())
                    + (n == room ? " (buffer full: the datagram may have been truncated)" : "");
            listener.onCall(new TraceEvent(side, "recvfrom", detail,
                    Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + n)));
        }

        @Override
        public synchronized void close() {
            super.close();
            if (!closed) {
                closed = true;
                listener.onCall(new TraceEvent(side, "close", "", null));
            }
        }
    }
}
