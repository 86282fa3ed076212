package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.loop.LoopServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Chapter 5's claim, checked: a one-thread server lets a second caller connect but not be heard. */
class SecondCallerTest {

    private static String say(Socket caller, String text) throws IOException {
        caller.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        return hear(caller);
    }

    private static String hear(Socket caller) throws IOException {
        byte[] buffer = new byte[1024];
        int n = caller.getInputStream().read(buffer);
        return n < 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    }

    private static Socket dial(int port) throws IOException {
        Socket caller = new Socket();
        caller.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        caller.setSoTimeout(5000);
        return caller;
    }

    @Test
    void secondCallerConnectsAtOnceButIsAnsweredOnlyAfterTheFirstHangsUp() throws Exception {
        AtomicReference<ServerSocket> listening = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread server = new Thread(() -> {
            try {
                ServerSocket phone = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                listening.set(phone);
                ready.countDown();
                new LoopServer(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)).serve(phone);
            } catch (IOException stopped) {
                ready.countDown();
            }
        });
        server.start();
        try {
            assertTrue(ready.await(5, TimeUnit.SECONDS), "server did not start listening");
            int port = listening.get().getLocalPort();
            try (Socket first = dial(port); Socket second = dial(port)) {
                assertEquals("HELLO", say(first, "hello"));
                second.getOutputStream().write("me too".getBytes(StandardCharsets.UTF_8));
                // The server's only thread is inside first's loop, so nothing can have answered second.
                assertEquals(0, second.getInputStream().available());
                assertEquals("AGAIN", say(first, "again"));
                first.close();
                assertEquals("ME TOO", hear(second));
            }
        } finally {
            if (listening.get() != null) {
                listening.get().close();
            }
            server.join(20_000);
        }
        assertFalse(server.isAlive(), "server thread still running");
    }
}
