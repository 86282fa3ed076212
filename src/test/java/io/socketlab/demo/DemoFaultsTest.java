package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.framed.FramedServer;
import io.socketlab.demo.framed.LengthPrefixFraming;
import io.socketlab.demo.loop.LoopClient;
import io.socketlab.demo.loop.LoopServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.demo.live.SideConsole;
import io.socketlab.demo.trace.TracedDatagramSocket;
import io.socketlab.demo.trace.TracedServerSocket;
import io.socketlab.demo.trace.TracedSocket;
import io.socketlab.demo.udp.UdpEchoServer;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What goes wrong on real networks, and what the demos do about it. */
class DemoFaultsTest {
    private static final String LOOPBACK = "127.0.0.1";

    @Test
    void aResetMidConversationIsLoggedAndTheNextClientIsServed() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (RunningLoopServer server = RunningLoopServer.start(out)) {
            try (Socket rude = new Socket()) {
                rude.connect(new InetSocketAddress(LOOPBACK, server.port()), 5000);
                rude.getOutputStream().write("hi".getBytes(StandardCharsets.UTF_8));
                out.awaitEvent(e -> e.side() == Side.SERVER && e.call().equals("sendall"));
                rude.setSoLinger(true, 0); // close with a reset instead of a goodbye
            }
            out.awaitLine(l -> l.startsWith("SERVER: connection lost") || l.equals("SERVER: client left"));
            try (LoopClient next = new LoopClient(timed(new Socket()), LOOPBACK, server.port())) {
                assertEquals("NEXT", next.say("next"));
            }
        }
    }

    @Test
    void anEmptyLineIsNeverSent() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (RunningLoopServer server = RunningLoopServer.start(out);
             LoopClient client = new LoopClient(timed(new TracedSocket(Side.CLIENT, out)), LOOPBACK, server.port())) {
            assertNull(client.say(""));
            assertEquals("X", client.say("x"));
        }
        assertEquals(1, out.calls(Side.CLIENT).stream().filter(c -> c.startsWith("sendall")).count());
    }

    @Test
    void frameLengthsOutOfRangeAreRejectedBeforeReadingTheBody() throws Exception {
        for (int length : new int[] {-1, Integer.MIN_VALUE, 65537, Integer.MAX_VALUE}) {
            byte[] wire = new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length, 'x', 'y'};
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire));
            LengthPrefixFraming.BadFrameException bad = assertThrows(LengthPrefixFraming.BadFrameException.class, () -> LengthPrefixFraming.read(in, 65536));
            assertTrue(bad.getMessage().contains(String.valueOf(length)), bad.getMessage());
            assertEquals(2, in.available(), "the body was never read");
        }
    }

    @Test
    void framedServerClosesTheConnectionWithAReasonOnAnOversizedFrame() throws Exception {
        RecordingOutput out = new RecordingOutput();
        ServerSocket listening = new ServerSocket(0, 5, InetAddress.getByName(LOOPBACK));
        Thread thread = new Thread(() -> {
            try {
                new FramedServer(SideConsole.of(out, Side.SERVER), 1024).serve(listening);
            } catch (java.io.IOException e) {
                out.line(Side.SERVER, "failed: " + e);
            }
        });
        thread.start();
        try {
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(LOOPBACK, listening.getLocalPort()), 5000);
                client.setSoTimeout(5000);
                new DataOutputStream(client.getOutputStream()).writeInt(Integer.MAX_VALUE);
                assertEquals(-1, client.getInputStream().read(), "the server hangs up");
            }
            assertEquals("closing the connection: frame length 2147483647 outside 0..1024",
                    out.awaitLine(l -> l.contains("closing")).substring("SERVER: ".length()));
        } finally {
            listening.close();
            thread.join(20_000);
        }
    }

    @Test
    void anOversizedDatagramShowsAsTruncatedInTheTrace() throws Exception {
        RecordingOutput out = new RecordingOutput();
        DatagramSocket bound = new TracedDatagramSocket(Side.SERVER, out, new InetSocketAddress(LOOPBACK, 0));
        Thread thread = new Thread(() -> {
            try {
                UdpEchoServer.serve(bound);
            } catch (java.io.IOException e) {
                out.line(Side.SERVER, "failed: " + e);
            }
        });
        thread.start();
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            client.setSoTimeout(5000);
            byte[] big = "a".repeat(1500).getBytes(StandardCharsets.US_ASCII);
            client.send(new DatagramPacket(big, big.length, bound.getLocalSocketAddress()));
            DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
            client.receive(reply);
            assertEquals(1024, reply.getLength(), "Java kept only BUFSIZE bytes");
            TraceEvent recv = out.awaitEvent(e -> e.call().equals("recvfrom"));
            assertTrue(recv.detail().startsWith("1024 of 1024 bytes") && recv.detail().contains("truncated"), recv.detail());
        } finally {
            bound.close();
            thread.join(20_000);
        }
    }

    @Test
    void aThousandConnectDisconnectCyclesLeaveNoThreadOrSocketBehind() throws Exception {
        int threadsBefore = Thread.activeCount();
        int fdsBefore = openFiles();
        RecordingOutput out = new RecordingOutput();
        try (RunningLoopServer server = RunningLoopServer.start(out)) {
            for (int i = 0; i < 1000; i++) {
                try (Socket client = new Socket()) {
                    client.connect(new InetSocketAddress(LOOPBACK, server.port()), 5000);
                }
                // wait until the server has seen this caller leave: a full backlog would stall connects
                out.awaitLineCount("SERVER: client left", i + 1);
            }
            try (LoopClient last = new LoopClient(timed(new Socket()), LOOPBACK, server.port())) {
                assertEquals("STILL HERE", last.say("still here"));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Thread.activeCount() > threadsBefore && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // look again in 1 ms, leaving the CPU to the code waited for
        }
        assertTrue(Thread.activeCount() <= threadsBefore, "threads before " + threadsBefore + ", after " + Thread.activeCount());
        if (fdsBefore >= 0) {
            assertTrue(openFiles() <= fdsBefore + 2, "open files before " + fdsBefore + ", after " + openFiles());
        }
    }

    /** {@code socket} with a read timeout, so a test cannot hang on a server that never answers. */
    private static Socket timed(Socket socket) throws java.net.SocketException {
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static int openFiles() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length;
    }

    /** A LoopServer on its own thread, stopped and joined by close. */
    private static final class RunningLoopServer implements AutoCloseable {
        private final Thread thread;
        private final ServerSocket socket;

        private RunningLoopServer(Thread thread, ServerSocket socket) {
            this.thread = thread;
            this.socket = socket;
        }

        static RunningLoopServer start(RecordingOutput out) throws java.io.IOException {
            ServerSocket listening = new TracedServerSocket(out, 0);
            listening.bind(new InetSocketAddress(LOOPBACK, 0), 5);
            Thread thread = new Thread(() -> {
                try {
                    new LoopServer(SideConsole.of(out, Side.SERVER)).serve(listening);
                } catch (java.io.IOException e) {
                    out.line(Side.SERVER, "failed: " + e);
                }
            }, "test-loop-server");
            thread.start();
            return new RunningLoopServer(thread, listening);
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(20_000);
        }
    }
}
