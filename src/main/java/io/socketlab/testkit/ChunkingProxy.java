package io.socketlab.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection TCP proxy on 127.0.0.1 that reshapes the bytes flowing from the client to the
 * target so sticky-packet bugs fail deterministically: it can deliver them one piece of
 * {@code pieceSize} bytes at a time (flushing after each), hold everything back until
 * {@link #release()} and then deliver it in one write (merging the client's writes), or reset
 * both connections. Bytes from the target to the client pass through unchanged.
 */
public final class ChunkingProxy implements AutoCloseable {
    private final ServerSocket listening;
    private final int targetPort;
    private final int pieceSize;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final Thread acceptor;
    private volatile Socket clientSide;
    private volatile Socket targetSide;
    private boolean passing;

    private ChunkingProxy(int targetPort, int pieceSize, boolean holdUntilReleased) throws IOException {
        if (pieceSize < 1) {
            throw new IllegalArgumentException("pieceSize must be at least 1, was " + pieceSize);
        }
        this.listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.pieceSize = pieceSize;
        this.passing = !holdUntilReleased;
        this.acceptor = new Thread(this::relay, "chunking-proxy-" + listening.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** A proxy to 127.0.0.1:{@code targetPort} that delivers client bytes {@code pieceSize} at a time. */
    public static ChunkingProxy splitting(int targetPort, int pieceSize) throws IOException {
        return new ChunkingProxy(targetPort, pieceSize, false);
    }

    /** A proxy that holds client bytes until {@link #release()}, then delivers them in one write. */
    public static ChunkingProxy merging(int targetPort) throws IOException {
        return new ChunkingProxy(targetPort, Integer.MAX_VALUE, true);
    }

    /** The port the test client connects to instead of the target. */
    public int port() {
        return listening.getLocalPort();
    }

    /** Lets held bytes through, merged into one write; later bytes pass as they come. */
    public void release() throws IOException, InterruptedException {
        if (!connected.await(2, TimeUnit.SECONDS) || targetSide == null) {
            throw new AssertionError(Say.text("proxy.unreachable", targetPort));
        }
        synchronized (this) {
            if (!passing) {
                OutputStream out = targetSide.getOutputStream();
                out.write(held.toByteArray());
                out.flush();
                held.reset();
                passing = true;
            }
        }
    }

    /**
     * Waits until at least {@code count} client bytes are held back (merging mode), so a following
     * {@link #release()} delivers them as one write.
     *
     * @throws AssertionError when they do not arrive within 2 s
     */
    public synchronized void awaitHeld(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (held.size() < count) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AssertionError(Say.text("proxy.held", held.size(), count));
            }
            wait(left);
        }
    }

    /**
     * Aborts both connections with a reset (SO_LINGER 0), like a peer that vanished mid-message.
     * Waits at most 2 s for the proxy to have connected.
     */
    public void reset() throws InterruptedException {
        connected.await(2, TimeUnit.SECONDS);
        // Target first: once the client side dies, the relay thread closes the target side itself,
        // gracefully (FIN), and a reset that comes second would be too late.
        for (Socket s : new Socket[] {targetSide, clientSide}) {
            if (s != null) {
                try {
                    s.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // The socket is already gone; closing below is all that is left to do.
                }
                RecordingClient.closeQuietly(s);
            }
        }
    }

    private void relay() {
        try (Socket client = listening.accept()) {
            client.setSoTimeout(10_000);
            clientSide = client;
            try (Socket target = new Socket()) {
                target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                target.setTcpNoDelay(true);
                targetSide = target;
                connected.countDown();
                Thread back = new Thread(() -> pump(target, client), "chunking-proxy-back");
                back.setDaemon(true);
                back.start();
                forward(client.getInputStream(), target.getOutputStream());
                target.shutdownOutput();
                back.join(10_000);
            }
        } catch (IOException | InterruptedException e) {
            connected.countDown();
        }
    }

    private void forward(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            synchronized (this) {
                if (!passing) {
                    held.write(buffer, 0, n);
                    notifyAll();
                    continue;
                }
            }
            for (int off = 0; off < n; off += pieceSize) {
                out.write(buffer, off, Math.min(pieceSize, n - off));
                out.flush();
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException ignored) {
            // One side closed or reset; the relay thread sees the same and ends.
        }
    }

    @Override
    public void close() throws InterruptedException {
        RecordingClient.closeQuietly(listening);
        RecordingClient.closeQuietly(clientSide);
        RecordingClient.closeQuietly(targetSide);
        acceptor.join(2000);
    }
}
