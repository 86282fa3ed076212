package io.socketlab.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A listening socket of the learner's process, as the tests see it: its port, whether it is
 * closed, and closing it. Accepting happens where it lives, in the learner's code.
 */
final class RemoteServerSocket extends ServerSocket implements Subject.Remote {
    private final Subject subject;
    private final Wire.Handle handle;
    private final int port;
    private volatile boolean closedHere;

    static RemoteServerSocket of(Subject subject, Wire.Handle handle) {
        try {
            return new RemoteServerSocket(subject, handle);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private RemoteServerSocket(Subject subject, Wire.Handle handle) throws IOException {
        this.subject = subject;
        this.handle = handle;
        this.port = Integer.parseInt(handle.detail());
    }

    @Override
    public Wire.Handle handle() {
        return handle;
    }

    @Override
    public int getLocalPort() {
        return port;
    }

    @Override
    public InetAddress getInetAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return new InetSocketAddress(getInetAddress(), port);
    }

    @Override
    public boolean isBound() {
        return true;
    }

    @Override
    public boolean isClosed() {
        return closedHere || subject.remoteIsClosed(handle);
    }

    @Override
    public void close() throws IOException {
        closedHere = true;
        subject.remoteClose(handle);
        super.close();
    }

    @Override
    public Socket accept() throws IOException {
        throw new IOException("this listening socket lives in the learner's process: accept there");
    }
}
