package exercise.socket_table;

import java.net.InetAddress;

/**
 * One line of /proc/net/tcp or tcp6, decoded: the state as ss spells it (LISTEN, ESTABLISHED,
 * TIME-WAIT...), both ends, and the two queues (for a LISTEN socket the receive queue is the
 * accept queue).
 */
public record SocketLine(String state, InetAddress localAddress, int localPort,
                         InetAddress remoteAddress, int remotePort, long sendQueue, long receiveQueue) {
}
