package io.socketlab.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * A listening channel of the learner's process, as the tests see it: its address, and closing it.
 * Accepting, selecting and every option are the learner's code's business, where it lives.
 */
final class RemoteServerSocketChannel extends ServerSocketChannel implements Subject.Remote {
    private final Subject subject;
    private final Wire.Handle handle;
    private final int port;

    private RemoteServerSocketChannel(Subject subject, Wire.Handle handle) {
        super(SelectorProvider.provider());
        this.subject = subject;
        this.handle = handle;
        this.port = Integer.parseInt(handle.detail());
    }

    static RemoteServerSocketChannel of(Subject subject, Wire.Handle handle) {
        return new RemoteServerSocketChannel(subject, handle);
    }

    @Override
    public Wire.Handle handle() {
        return handle;
    }

    @Override
    public SocketAddress getLocalAddress() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public ServerSocket socket() {
        return RemoteServerSocket.of(subject, handle);
    }

    @Override
    public ServerSocketChannel bind(SocketAddress local, int backlog) throws IOException {
        throw elsewhere();
    }

    @Override
    public <T> ServerSocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        throw elsewhere();
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        throw elsewhere();
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Set.of();
    }

    @Override
    public SocketChannel accept() throws IOException {
        throw elsewhere();
    }

    @Override
    protected void implCloseSelectableChannel() {
        subject.remoteClose(handle);
    }

    @Override
    protected void implConfigureBlocking(boolean block) throws IOException {
        throw elsewhere();
    }

    private static IOException elsewhere() {
        return new IOException("this listening channel lives in the learner's process: use it there");
    }
}
