package io.socketlab.testkit;

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
    void waitsForAThreadTheServerStartsWhileItStops() throws Exception {
        // A correct server may hand a client to a new thread just as the listening socket closes
        // (08-group-chat sends "welcome" and then starts the client's thread). Such a thread ends
        // on its own and must be waited for, not reported as left behind. The sleeps stand for a
        // slow server, so that the thread starts after stop has first looked.
        ServerRunner server = ServerRunner.start(listening -> {
            try {
                listening.accept().close();
            } catch (java.net.SocketException closed) {
                sleepQuietly(300);
                new Thread(() -> sleepQuietly(300), "late-client-thread").start();
            }
        });
        server.stopAndAssertNoThreadLeft();
        assertTrue(!server.isRunning());
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void acceptsConnectionsAsSoonAsStartReturns() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> { });
             Socket socket = new Socket(server.listening().getInetAddress(), server.port())) {
            assertTrue(socket.isConnected());
        }
    }

    @Test
    void aServerThatThrowsBeforeAcceptingFailsTheConnectAtOnceAndSaysWhatItThrew() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> {
            throw new UnsupportedOperationException("write this method");
        })) {
            assertTrue(server.awaitReturn(2000));
            long start = System.nanoTime();
            AssertionError failure = assertThrows(AssertionError.class, () -> RecordingClient.connect(server.port()).close());
            // the connect gives up on the first refusal instead of retrying for 5 s
            assertTrue(System.nanoTime() - start < 4_000_000_000L, "retried after the server had thrown");
            assertTrue(failure.getMessage().contains("your server code threw and stopped accepting"), failure.getMessage());
            assertTrue(failure.getMessage().contains("[server] threw UnsupportedOperationException: write this method"),
                    failure.getMessage());
        }
    }

    @Test
    void aClientWaitingInTheBacklogIsResetWhenTheServerThrows() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        try (ServerRunner server = ServerRunner.start(listening -> {
            connected.await(5, TimeUnit.SECONDS);
            throw new UnsupportedOperationException("write this method");
        });
             RecordingClient client = RecordingClient.connect(server.port(), 30_000)) {
            connected.countDown();
            assertTrue(server.awaitReturn(2000));
            long start = System.nanoTime();
            AssertionError failure = assertThrows(AssertionError.class, () -> client.send("hello").expectReply("HELLO"));
            // a reset, not the 30 s reply timeout
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "waited for the reply timeout");
            assertTrue(failure.getMessage().contains("[server] threw UnsupportedOperationException: write this method"),
                    failure.getMessage());
        }
    }

    @Test
    void aClientOnAnotherThreadDoesNotReportThisServersFailures() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> {
            throw new IllegalStateException("not yours");
        })) {
            assertTrue(server.awaitReturn(2000));
            String[] message = new String[1];
            Thread other = new Thread(() -> message[0] = ServerRunner.openFailures());
            other.start();
            other.join(5000);
            assertEquals("", message[0]);
            assertTrue(ServerRunner.openFailures().contains("not yours"));
        }
    }

    /** A class whose static initializer throws, as a learner's server class might. */
    static final class BrokenOnLoad {
        static final int VALUE;

        static {
            if (VALUE_SOURCE.isEmpty()) {
                throw new IllegalStateException("boom in static");
            }
            VALUE = 1;
        }
    }

    private static final String VALUE_SOURCE = "";

    @Test
    void aStaticInitializerThatThrowsIsToldWithWhatItThrew() throws Exception {
        try (ServerRunner server = ServerRunner.start(listening -> {
            if (BrokenOnLoad.VALUE > 0) {
                listening.accept().close();
            }
        })) {
            assertTrue(server.awaitReturn(2000));
            assertTrue(ServerRunner.openFailures().contains(
                    "[server] threw ExceptionInInitializerError: IllegalStateException: boom in static"), ServerRunner.openFailures());
        }
    }
}
