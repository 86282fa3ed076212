package io.socketlab.demo.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;

/**
 * Socket factories over a demo's traced sockets, so a demo server or client written against
 * {@code javax.net} factories (as a learner's own program would be) is traced in the live demo and
 * plain in {@code serve}. Every form works: the ones with an address bind or connect the socket made.
 */
public final class SocketFactories {
    /** Makes one unbound socket. */
    @FunctionalInterface
    public interface Maker<S> {
        S make() throws IOException;
    }

    private SocketFactories() {
    }

    /** Server sockets from {@code make}, bound as each form of {@code createServerSocket} asks. */
    public static ServerSocketFactory servers(Maker<ServerSocket> make) {
        return new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return make.make();
            }

            @Override
            public ServerSocket createServerSocket(int port) throws IOException {
                return createServerSocket(port, 50, null);
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) throws IOException {
                return createServerSocket(port, backlog, null);
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
                ServerSocket socket = make.make();
                socket.bind(new InetSocketAddress(address, port), backlog);
                return socket;
            }
        };
    }

    /** Client sockets from {@code make}, connected (and first bound) as each form of {@code createSocket} asks. */
    public static SocketFactory clients(Maker<Socket> make) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                return make.make();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return connected(null, new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return connected(new InetSocketAddress(local, localPort), new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return connected(null, new InetSocketAddress(host, port));
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
                return connected(new InetSocketAddress(local, localPort), new InetSocketAddress(host, port));
            }

            private Socket connected(InetSocketAddress local, InetSocketAddress remote) throws IOException {
                Socket socket = make.make();
                try {
                    if (local != null) {
                        socket.bind(local);
                    }
                    socket.connect(remote);
                    return socket;
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
            }
        };
    }
}
