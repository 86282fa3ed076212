package io.socketlab.demo.faults;

import io.socketlab.demo.trace.DatagramSocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.net.SocketFactory;

/**
 * Chapter 10: each method provokes one failure against a {@link FaultServer} on {@code host:port}
 * and lets the exception out, as real code meets it. Connect timeout 2 s, read timeout 2 s.
 */
public final class FaultClient {
    private final SocketFactory sockets;
    private final DatagramSocketFactory datagrams;
    private final String host;
    private final int port;

    public FaultClient(SocketFactory sockets, DatagramSocketFactory datagrams, String host, int port) {
        this.sockets = sockets;
        this.datagrams = datagrams;
        this.host = host;
        this.port = port;
    }

    /** ConnectException "Connection refused": nobody listens on the port the server names. */
    public void refused() throws IOException {
        int closedPort = Integer.parseInt(ask("closed-port"));
        // region refused
        try (Socket socket = sockets.createSocket()) {
            socket.connect(new InetSocketAddress(host, closedPort), 2000);
        }
        // endregion
    }

    /** SocketException "Connection reset": the server aborts the connection while we wait for a reply. */
    public void reset() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "reset");
            socket.getInputStream().read();
        }
    }

    /** SocketException "Broken pipe": we keep writing after the server hung up. */
    public void brokenPipe() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "close");
            InputStream in = socket.getInputStream();
            // region broken-pipe
            in.read(); // -1: the server hung up, but writing is still allowed...
            OutputStream out = socket.getOutputStream();
            out.write("first\n".getBytes(StandardCharsets.UTF_8)); // ...the peer answers with RST
            for (int i = 0; i < 200; i++) { // the RST needs a moment to come back
                LockSupport.parkNanos(5_000_000);
                out.write("again\n".getBytes(StandardCharsets.UTF_8)); // after the RST: EPIPE, Broken pipe
            }
            // endregion
        }
    }

    /** SocketTimeoutException "Read timed out": the server reads our line and never answers. */
    public void readTimeout() throws IOException {
        try (Socket socket = connect()) {
            send(socket, "silent");
            // region read-timeout
            socket.setSoTimeout(2000);
            socket.getInputStream().read(); // nothing for 2 s: SocketTimeoutException
            // endregion
        }
    }

    /** SocketTimeoutException "Connect timed out": the third caller of a full accept queue gets no answer. */
    public void connectTimeout() throws IOException {
        int fullPort = Integer.parseInt(ask("full-port"));
        List<Socket> callers = new ArrayList<>();
        try {
            // a queue of 1 takes two or three callers on Linux; the next SYN gets no answer
            for (int i = 0; i < 10; i++) {
                Socket caller = sockets.createSocket();
                callers.add(caller);
                caller.connect(new InetSocketAddress(host, fullPort), 2000);
            }
            throw new IOException("10 callers got into a queue of 1: this system answers every SYN, so no connect timed out");
        } finally {
            for (Socket caller : callers) {
                caller.close();
            }
        }
    }

    /** PortUnreachableException: a UDP datagram to the server's port number, where nobody listens for UDP. */
    public void unreachable() throws IOException {
        // region unreachable
        try (DatagramSocket socket = datagrams.create(null)) {
            socket.connect(new InetSocketAddress(host, port)); // only a connected socket hears the ICMP error
            socket.setSoTimeout(2000);
            socket.send(new DatagramPacket(new byte[] {'?'}, 1));
            socket.receive(new DatagramPacket(new byte[16], 16)); // PortUnreachableException
        }
        // endregion
    }

    private Socket connect() throws IOException {
        Socket socket = sockets.createSocket();
        socket.connect(new InetSocketAddress(host, port), 2000);
        socket.setSoTimeout(2000);
        return socket;
    }

    private String ask(String request) throws IOException {
        try (Socket socket = connect()) {
            send(socket, request);
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (answer == null) {
                throw new IOException("the server hung up without answering " + request);
            }
            return answer.trim();
        }
    }

    private static void send(Socket socket, String line) throws IOException {
        socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
