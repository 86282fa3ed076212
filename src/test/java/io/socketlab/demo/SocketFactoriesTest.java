package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.live.SocketFactories;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demos' factories over their traced sockets: every form binds or connects the socket made, none refuses. */
class SocketFactoriesTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void everyServerFormBindsTheSocketMade() throws Exception {
        List<ServerSocket> made = new ArrayList<>();
        var servers = SocketFactories.servers(() -> {
            ServerSocket socket = new ServerSocket();
            made.add(socket);
            return socket;
        });
        try (ServerSocket unbound = servers.createServerSocket();
             ServerSocket any = servers.createServerSocket(0);
             ServerSocket queued = servers.createServerSocket(0, 5);
             ServerSocket local = servers.createServerSocket(0, 5, LOOPBACK)) {
            assertEquals(4, made.size(), "each form uses the maker");
            assertTrue(!unbound.isBound() && any.isBound() && queued.isBound());
            assertEquals(LOOPBACK, local.getInetAddress());
        }
    }

    @Test
    void everyClientFormConnectsTheSocketMadeAndClosesItWhenTheConnectFails() throws Exception {
        List<Socket> made = new ArrayList<>();
        var clients = SocketFactories.clients(() -> {
            Socket socket = new Socket();
            made.add(socket);
            return socket;
        });
        try (ServerSocket listening = new ServerSocket(0, 5, LOOPBACK);
             Socket byName = clients.createSocket("127.0.0.1", listening.getLocalPort());
             Socket byAddress = clients.createSocket(LOOPBACK, listening.getLocalPort());
             Socket fromPort = clients.createSocket(LOOPBACK, listening.getLocalPort(), LOOPBACK, 0)) {
            assertTrue(byName.isConnected() && byAddress.isConnected() && fromPort.isConnected());
            assertEquals(LOOPBACK, fromPort.getLocalAddress());
        }
        int closedPort;
        try (ServerSocket briefly = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = briefly.getLocalPort();
        }
        assertThrows(ConnectException.class, () -> clients.createSocket(LOOPBACK, closedPort));
        assertTrue(made.get(made.size() - 1).isClosed(), "a socket whose connect failed is closed, not leaked");
    }
}
