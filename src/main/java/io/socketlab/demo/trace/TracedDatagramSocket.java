package io.socketlab.demo.trace;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;

/** A plain {@link DatagramSocket} that reports bind, sendto, recvfrom (with truncation) and close. */
public class TracedDatagramSocket extends DatagramSocket {
    private final Side side;
    private final TraceListener listener;
    private boolean closed;

    /**
     * A socket bound to {@code bindAddress}, or to a port the system picks when it is null (a
     * client's). Java binds a datagram socket when it is made, so socket and bind are reported together.
     */
    public TracedDatagramSocket(Side side, TraceListener listener, InetSocketAddress bindAddress) throws SocketException {
        super(bindAddress == null ? new InetSocketAddress(0) : bindAddress);
        this.side = side;
        this.listener = listener;
        listener.onCall(new TraceEvent(side, "socket", TraceText.family(bindAddress) + ", SOCK_DGRAM", null));
        // Java's wildcard is IPv6's "::" on a dual-stack host; the AF_INET socket the trace shows binds 0.0.0.0
        String bound = bindAddress == null ? "0.0.0.0:" + getLocalPort() : TraceText.address(getLocalSocketAddress());
        listener.onCall(new TraceEvent(side, "bind", bound, null));
    }

    @Override
    public void send(DatagramPacket packet) throws IOException {
        // a connected socket's packets need no address: they go to the one it is connected to
        SocketAddress to = packet.getAddress() == null ? getRemoteSocketAddress() : packet.getSocketAddress();
        listener.onCall(new TraceEvent(side, "sendto", TraceText.bytes(packet.getLength()) + " to " + TraceText.address(to),
                Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength())));
        try {
            super.send(packet);
        } catch (IOException e) {
            throw failed("sendto", e);
        }
    }

    /** Shows that {@code call} threw {@code e} (an ICMP error or a timeout reported here); returns {@code e}. */
    private IOException failed(String call, IOException e) {
        listener.onCall(new TraceEvent(side, call, TraceText.threw(e), null));
        return e;
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        int room = packet.getLength();
        try {
            super.receive(packet);
        } catch (IOException e) {
            throw failed("recvfrom", e);
        }
        int n = packet.getLength();
        // Java cuts a datagram longer than the buffer without a word; a full buffer is the only sign.
        String detail = n + " of " + TraceText.bytes(room) + " from " + TraceText.address(packet.getSocketAddress())
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
