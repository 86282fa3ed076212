package io.socketlab.grade.testkit;

import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class ServerRunnerTest {

    @Test
    void collectsWhatTheServerThrows() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> {
            throw new IllegalStateException("learner bug");
        })) {
            assertTrue(server.awaitReturn(2000));
            assertEquals("learner bug", server.failures().get(0).getMessage());
        }
    }

    @Test
    void stopsAServerBlockedInAccept() throws Exception {
        ServerRunner server = ServerRunner.start(listening -> {
            while (true) {
                listening.accept().close();
            }
        });
        server.stopAndAssertNoThreadLeft();
        assertTrue(!server.isRunning());
    }

    @Test
    void reportsAThreadTheServerLeftBehind() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ServerRunner server = ServerRunner.start(listening -> {
            Thread leaked = new Thread(() -> {
                try {
                    release.await(60, TimeUnit.SECONDS);  // longer than the runner's 5 s grace: released in finally
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "leaked-client-thread");
            leaked.start();
        });
        try {
            AssertionError failure = assertThrows(AssertionError.class, server::stopAndAssertNoThreadLeft);
            assertTrue(failure.getMessage().contains("leaked-client-thread"), failure.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void acceptsConnectionsAsSoonAsStartReturns() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> { });
             Socket socket = new Socket(server.listening().getInetAddress(), server.port())) {
            assertTrue(socket.isConnected());
        }
    }
}
