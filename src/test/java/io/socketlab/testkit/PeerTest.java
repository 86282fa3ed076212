package io.socketlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bridge's two ends over a real channel, as the tests' JVM and the learner's use it. */
@Timeout(30)
class PeerTest {
    private SocketChannel near;
    private SocketChannel far;
    private Peer caller;
    private Peer callee;

    @BeforeEach
    void connect() throws IOException {
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            near = SocketChannel.open(listening.getLocalAddress());
            far = listening.accept();
        }
        callee = new Peer(Subject.ChannelStreams.in(far), Subject.ChannelStreams.out(far), (op, args) -> switch (op) {
            case "echo" -> args;
            case "big" -> List.of(new byte[4 * 1024 * 1024]);
            default -> throw new IOException("unknown " + op);
        }, "callee");
        caller = new Peer(Subject.ChannelStreams.in(near), Subject.ChannelStreams.out(near), (op, args) -> List.of(), "caller");
    }

    @AfterEach
    void close() throws IOException {
        caller.end("the test ended");
        callee.end("the test ended");
        near.close();
        far.close();
    }

    @Test
    void anInterruptedCallerNeitherBreaksTheConnectionNorLosesItsInterrupt() throws Exception {
        // a channel written by a thread whose interrupt is set closes for good (ClosedByInterruptException)
        Thread.currentThread().interrupt();
        List<Object> reply = caller.call(() -> { }, "echo", "while interrupted");
        Thread.interrupted(); // set still when the reply was in before its wait began
        assertEquals(List.of("while interrupted"), reply);
        assertFalse(caller.isGone(), "the connection survives the caller's interrupt");
        assertEquals(List.of("after"), caller.call("echo", "after"));
        assertEquals(4 * 1024 * 1024, ((byte[]) caller.call("big").get(0)).length);
    }

    @Test
    void anInterruptDuringAWriteIsKeptForTheCaller() throws Exception {
        Thread.currentThread().interrupt();
        boolean kept;
        try {
            caller.call("echo", "no one passes the interrupt on");
            kept = Thread.interrupted(); // the reply was in before the wait began
        } catch (InterruptedException thrown) {
            kept = true;
        }
        assertTrue(kept, "the interrupt reaches the caller: thrown by the wait, or still set");
        assertFalse(caller.isGone());
        assertEquals(List.of("again"), caller.call("echo", "again"));
    }

    @Test
    void aCallAfterTheEndFailsAtOnce() throws Exception {
        caller.end("ended by the test");
        Peer.Gone gone = org.junit.jupiter.api.Assertions.assertThrows(Peer.Gone.class, () -> caller.call("echo", "late"));
        assertEquals("ended by the test", gone.getMessage());
    }
}
