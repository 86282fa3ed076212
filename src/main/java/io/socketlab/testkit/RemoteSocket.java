package io.socketlab.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A connected socket the learner's code made and returned, as the tests see it: its ports, whether
 * it connected, whether it is closed, and closing it. Its bytes stay in the learner's process.
 */
final class RemoteSocket extends Socket implements Subject.Remote {
    private final Subject subject;
    private final Wire.Handle handle;
    private final int port;
    private final int localPort;
    private final boolean connected;
    private final InetAddress remote;
    private final InetAddress local;
    private volatile boolean closedHere;

    private RemoteSocket(Subject subject, Wire.Handle handle) {
        this.subject = subject;
        this.handle = handle;
        String[] parts = handle.detail().split(" ");
        this.port = Integer.parseInt(parts[0]);
        this.localPort = Integer.parseInt(parts[1]);
        this.connected = Boolean.parseBoolean(parts[2]);
        this.remote = literal(parts[3]);
        this.local = literal(parts[4]);
    }

    static RemoteSocket of(Subject subject, Wire.Handle handle) {
        return new RemoteSocket(subject, handle);
    }

    /** What the subject puts in the handle of {@code socket}: its ports, whether it connected, its two addresses. */
    static String detail(Socket socket) {
        return socket.getPort() + " " + socket.getLocalPort() + " " + socket.isConnected() + " "
                + text(socket.getInetAddress()) + " " + text(socket.getLocalAddress());
    }

    private static String text(InetAddress address) {
        return address == null ? "-" : address.getHostAddress();
    }

    private static InetAddress literal(String text) {
        try {
            // a literal address: no lookup happens
            return text.equals("-") ? null : InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    @Override
    public Wire.Handle handle() {
        return handle;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public boolean isBound() {
        return localPort > 0;
    }

    @Override
    public int getPort() {
        return port;
    }

    @Override
    public int getLocalPort() {
        return localPort;
    }

    @Override
    public InetAddress getInetAddress() {
        return remote;
    }

    @Override
    public InetAddress getLocalAddress() {
        return local;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return remote == null ? null : new InetSocketAddress(remote, port);
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return local == null ? null : new InetSocketAddress(local, localPort);
    }

    @Override
    public boolean isClosed() {
        return closedHere || subject.remoteIsClosed(handle);
    }

    @Override
    public synchronized void close() throws IOException {
        closedHere = true;
        subject.remoteClose(handle);
        super.close();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        throw new IOException("this socket lives in the learner's process: read it there");
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("this socket lives in the learner's process: write to it there");
    }
}
