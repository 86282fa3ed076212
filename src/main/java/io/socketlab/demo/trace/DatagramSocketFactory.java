package io.socketlab.demo.trace;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;

/** Makes datagram sockets, the UDP counterpart of {@link javax.net.SocketFactory}. */
@FunctionalInterface
public interface DatagramSocketFactory {
    /** A datagram socket bound to {@code bindAddress} (null: any port the system picks). */
    DatagramSocket create(SocketAddress bindAddress) throws SocketException;

    /** Plain, untraced datagram sockets. */
    DatagramSocketFactory PLAIN = bindAddress -> new DatagramSocket(bindAddress == null ? new InetSocketAddress(0) : bindAddress);
}
