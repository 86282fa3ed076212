package io.socketlab.demo.framed;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.net.ServerSocketFactory;

/** Chapter 8: the loop server again, speaking length-prefixed frames instead of raw reads. */
public final class FramedServer {
    private final ServerSocketFactory sockets;
    private final Consumer<String> log;
    private final int maxFrame;

    public FramedServer(ServerSocketFactory sockets, Consumer<String> log, int maxFrame) {
        this.sockets = sockets;
        this.log = log;
        this.maxFrame = maxFrame;
    }

    /** Serves clients one after another until the listening socket is closed from another thread. */
    public void serve(String host, int port, Consumer<ServerSocket> onListening) throws IOException {
        try (ServerSocket phone = sockets.createServerSocket()) {
            phone.setReuseAddress(true);
            phone.bind(new InetSocketAddress(host, port), 5);
            onListening.accept(phone);
            while (!phone.isClosed()) {
                Socket conn;
                try {
                    conn = phone.accept();
                } catch (SocketException closed) {
                    return;
                }
                talk(conn);
            }
        }
    }

    private void talk(Socket conn) throws IOException {
        try (conn) {
            DataInputStream in = new DataInputStream(conn.getInputStream());
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(conn.getOutputStream()));
            // region frame-loop
            while (true) {
                byte[] body = LengthPrefixFraming.read(in, maxFrame);
                if (body == null) {
                    log.accept("client left");
                    return;
                }
                String text = new String(body, StandardCharsets.UTF_8);
                LengthPrefixFraming.write(out, text.toUpperCase().getBytes(StandardCharsets.UTF_8));
            }
            // endregion
        } catch (LengthPrefixFraming.BadFrameException bad) {
            // region reject
            log.accept("closing the connection: " + bad.getMessage());
            // endregion
        } catch (SocketException | java.io.EOFException lost) {
            log.accept("connection lost: " + lost.getMessage());
        }
    }
}
