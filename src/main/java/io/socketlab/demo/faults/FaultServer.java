package io.socketlab.demo.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;

/**
 * Chapter 10: a server that fails on request, one line per request. {@code reset} aborts the
 * connection, {@code close} hangs up, {@code silent} never answers, {@code closed-port} and
 * {@code full-port} answer with a port where connecting fails; anything else comes back upper-cased.
 */
public final class FaultServer {
    private final ServerSocketFactory sockets;
    private final Consumer<String> log;

    public FaultServer(ServerSocketFactory sockets, Consumer<String> log) {
        this.sockets = sockets;
        this.log = log;
    }

    /** Serves one client after another until the listening socket is closed from another thread. */
    public void serve(String host, int port, Consumer<ServerSocket> onListening) throws IOException {
        InetAddress address = InetAddress.getByName(host);
        // a queue of one that nobody empties: the third caller's SYN goes unanswered
        try (ServerSocket listening = sockets.createServerSocket();
             ServerSocket neverAccepts = new ServerSocket(0, 1, address)) {
            listening.setReuseAddress(true);
            listening.bind(new InetSocketAddress(address, port), 50);
            onListening.accept(listening);
            while (true) {
                Socket conn;
                try {
                    conn = listening.accept();
                } catch (SocketException closed) {
                    return;
                }
                try {
                    answer(conn, address, neverAccepts.getLocalPort());
                } catch (IOException e) {
                    log.accept("client gone: " + e.getMessage());
                }
            }
        }
    }

    private void answer(Socket conn, InetAddress address, int fullPort) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = conn.getOutputStream();
        try (conn) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                switch (line.trim()) {
                    case "reset" -> {
                        // region reset
                        // linger on, timeout 0: close sends RST instead of FIN, and drops unsent data
                        conn.setSoLinger(true, 0);
                        conn.close();
                        // endregion
                        log.accept("reset the connection (SO_LINGER 0, then close)");
                        return;
                    }
                    case "close" -> {
                        log.accept("hanging up normally");
                        return;
                    }
                    case "silent" -> log.accept("read \"silent\": not answering");
                    case "closed-port" -> {
                        int port;
                        try (ServerSocket briefly = new ServerSocket(0, 1, address)) {
                            port = briefly.getLocalPort();
                        }
                        log.accept("nobody listens on port " + port + " now");
                        out.write((port + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    case "full-port" -> {
                        log.accept("port " + fullPort + " has a queue of 1 and never accepts");
                        out.write((fullPort + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                    default -> out.write((upperAscii(line) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            log.accept("client left");
        }
    }

    /** a-z to A-Z and nothing else, as the other demos and Python's {@code bytes.upper()} do. */
    private static String upperAscii(String line) {
        StringBuilder upper = new StringBuilder(line.length());
        for (char c : line.toCharArray()) {
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return upper.toString();
    }
}
