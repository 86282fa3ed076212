package io.socketlab.demo.many;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.Consumer;

/** Chapter 5's communication loop, shared by the blocking servers of chapter 9: read, reply upper-cased, until the client leaves. */
public final class Conversation {
    private Conversation() {
    }

    /** Talks to {@code conn} until it closes or resets, then closes it; logs who is served on which thread. */
    public static void talk(Socket conn, Consumer<String> log) {
        String who = conn.getInetAddress().getHostAddress() + ":" + conn.getPort();
        log.accept("serving " + who + " on thread " + Thread.currentThread().getName());
        try (conn) {
            InputStream in = conn.getInputStream();
            OutputStream out = conn.getOutputStream();
            byte[] buffer = new byte[1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                // like Python's bytes.upper(): a-z to A-Z, every other byte as it came, so a
                // character split between two reads passes through whole
                for (int i = 0; i < n; i++) {
                    if (buffer[i] >= 'a' && buffer[i] <= 'z') {
                        buffer[i] -= 'a' - 'A';
                    }
                }
                out.write(buffer, 0, n);
            }
            log.accept(who + " left");
        } catch (SocketException lost) {
            log.accept(who + " lost: " + lost.getMessage());
        } catch (IOException e) {
            log.accept(who + " failed: " + e.getMessage());
        }
    }
}
