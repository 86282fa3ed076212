package io.socketlab.demo.loop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** Chapter 5: a TCP server with a connection loop around a communication loop. */
public final class LoopServer {
    private final PrintStream console;

    /** A server printing what happens to {@code console} ({@code System.out} in a program of your own). */
    public LoopServer(PrintStream console) {
        this.console = console;
    }

    /**
     * Serves one client after another on {@code phone} (bound and listening) until it is closed from
     * another thread, then returns. A client that leaves, resets or stays silent past the read timeout
     * its connection may have is logged; the next one is served.
     */
    public void serve(ServerSocket phone) throws IOException {
        try (phone) {
            // region connection-loop
            while (!phone.isClosed()) {
                Socket conn;
                try {
                    // the next caller in the queue
                    conn = phone.accept();
                } catch (SocketException closed) {
                    // somebody closed the listening socket: stop
                    return;
                }
                talk(conn);
            }
            // endregion
        }
    }

    private void talk(Socket conn) throws IOException {
        try (conn) {
            InputStream in = conn.getInputStream();
            OutputStream out = conn.getOutputStream();
            byte[] buffer = new byte[1024];
            // region communication-loop
            while (true) {
                int n = in.read(buffer);
                // Python's recv returns b'': the caller hung up
                if (n < 0) {
                    console.println("client left");
                    return;
                }
                // like Python's bytes.upper(): a-z to A-Z, other bytes as they came
                // (a character cut between two reads passes through whole)
                for (int i = 0; i < n; i++) {
                    if (buffer[i] >= 'a' && buffer[i] <= 'z') {
                        buffer[i] -= 'a' - 'A';
                    }
                }
                out.write(buffer, 0, n);
            }
            // endregion
        } catch (SocketTimeoutException silent) {
            console.println("client silent too long: hung up on it");
        } catch (SocketException reset) {
            // region reset
            console.println("connection lost: " + reset.getMessage()); // a reset: serve the next client anyway
            // endregion
        }
    }
}
