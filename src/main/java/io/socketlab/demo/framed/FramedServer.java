package io.socketlab.demo.framed;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** Chapter 8: the loop server again, speaking length-prefixed frames instead of raw reads. */
public final class FramedServer {
    private final PrintStream console;
    private final int maxFrame;

    /** A server printing what happens to {@code console}, refusing bodies longer than {@code maxFrame} bytes. */
    public FramedServer(PrintStream console, int maxFrame) {
        this.console = console;
        this.maxFrame = maxFrame;
    }

    /** Serves clients one after another on {@code phone} (bound and listening) until it is closed from another thread. */
    public void serve(ServerSocket phone) throws IOException {
        try (phone) {
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
            InputStream in = conn.getInputStream();
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(conn.getOutputStream()));
            // region frame-loop
            while (true) {
                byte[] body = LengthPrefixFraming.read(in, maxFrame);
                if (body == null) {
                    console.println("client left");
                    return;
                }
                // like Python's bytes.upper(): a-z to A-Z, other bytes as they came
                for (int i = 0; i < body.length; i++) {
                    if (body[i] >= 'a' && body[i] <= 'z') {
                        body[i] -= 'a' - 'A';
                    }
                }
                LengthPrefixFraming.write(out, body);
            }
            // endregion
        } catch (LengthPrefixFraming.BadFrameException bad) {
            // region reject
            console.println("closing the connection: " + bad.getMessage());
            // endregion
        } catch (EOFException truncated) {
            console.println("truncated frame: " + truncated.getMessage());
        } catch (SocketTimeoutException silent) {
            console.println("no whole frame in time: hung up on the client");
        } catch (SocketException lost) {
            console.println("connection lost: " + lost.getMessage());
        }
    }
}
