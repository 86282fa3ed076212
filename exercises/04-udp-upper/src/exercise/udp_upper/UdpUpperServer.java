package exercise.udp_upper;

import java.io.IOException;
import java.net.DatagramSocket;

/** The UDP server of chapter 6: every datagram comes back upper-cased to its sender. */
public final class UdpUpperServer {
    private UdpUpperServer() {
    }

    /**
     * Replies to each datagram received on {@code socket} (at most 1024 bytes) with its text
     * upper-cased, sent to the datagram's source address; returns once {@code socket} is closed.
     */
    public static void serve(DatagramSocket socket) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
