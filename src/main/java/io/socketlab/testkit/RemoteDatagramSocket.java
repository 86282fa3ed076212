package io.socketlab.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * A UDP socket of the learner's process, as the tests see it: its address, a read timeout to set,
 * whether it is closed, and closing it. Sending and receiving happen where it lives.
 */
final class RemoteDatagramSocket extends DatagramSocket implements Subject.Remote {
    private final Subject subject;
    private final Wire.Handle handle;
    private final int port;
    private volatile boolean closedHere;

    private RemoteDatagramSocket(Subject subject, Wire.Handle handle) throws SocketException {
        super((SocketAddress) null);
        this.subject = subject;
        this.handle = handle;
        this.port = Integer.parseInt(handle.detail());
    }

    static RemoteDatagramSocket of(Subject subject, Wire.Handle handle) {
        try {
            return new RemoteDatagramSocket(subject, handle);
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
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
    public InetAddress getLocalAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return new InetSocketAddress(getLocalAddress(), port);
    }

    @Override
    public boolean isBound() {
        return true;
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        try {
            subject.ask("socket", handle, "setSoTimeout", timeout);
        } catch (IOException e) {
            throw new SocketException(e.getMessage());
        }
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        try {
            return (Integer) subject.ask("socket", handle, "getSoTimeout");
        } catch (IOException e) {
            throw new SocketException(e.getMessage());
        }
    }

    @Override
    public boolean isClosed() {
        return closedHere || subject.remoteIsClosed(handle);
    }

    @Override
    public void close() {
        closedHere = true;
        subject.remoteClose(handle);
        super.close();
    }

    @Override
    public void send(DatagramPacket packet) throws IOException {
        throw new IOException("this socket lives in the learner's process: send there");
    }

    @Override
    public synchronized void receive(DatagramPacket packet) throws IOException {
        throw new IOException("this socket lives in the learner's process: receive there");
    }
}
