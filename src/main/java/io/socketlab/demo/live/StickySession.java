package io.socketlab.demo.live;

import io.socketlab.demo.sticky.PretendShell;
import io.socketlab.demo.sticky.StickyClient;
import io.socketlab.demo.sticky.StickyServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * sticky live, both faces of one problem: {@code merge} sends three small messages that the server
 * reads in one recv; {@code dir} is long enough to spill into the next command's reply.
 */
final class StickySession extends DemoSession {
    /** The three small writes of {@code merge}; one recv on the server gets them joined. */
    static final String[] SMALL_WRITES = {"one,", "two,", "three"};

    private final AtomicReference<ServerSocket> listening = new AtomicReference<>();
    private String host;
    private StickyClient client;

    StickySession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        this.host = host;
        CountDownLatch ready = new CountDownLatch(1);
        startThread("sticky-server", () -> new StickyServer(TracedSockets.serverFactory(out)).serve(host, 0, socket -> {
            listening.set(own(socket));
            ready.countDown();
        }));
        await(ready);
        client = own(new StickyClient(TracedSockets.socketFactory(Side.CLIENT, out), host, listening.get().getLocalPort()));
        out.line(Side.CLIENT, text.get("demo.sticky.commands", PretendShell.HELP));
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        if (line.trim().equals("merge")) {
            merge();
            return;
        }
        String reply = client.run(line);
        out.line(Side.CLIENT, reply == null ? text.get("demo.skipped") : text.get("demo.sticky.reply", reply));
    }

    /**
     * A second server and client: the client makes three writes while the server is held back
     * until all their bytes sit in its receive buffer, so its single recv returns them merged.
     */
    private void merge() throws IOException {
        int expected = String.join("", SMALL_WRITES).getBytes(StandardCharsets.UTF_8).length;
        CountDownLatch bound = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch received = new CountDownLatch(1);
        AtomicReference<ServerSocket> mergeServer = new AtomicReference<>();
        startThread("sticky-merge-server", () -> {
            try {
                receiveMerged(expected, bound, written, mergeServer);
            } finally {
                received.countDown();
            }
        });
        await(bound);
        try (StickyClient sender = new StickyClient(TracedSockets.socketFactory(Side.CLIENT, out), host,
                mergeServer.get().getLocalPort())) {
            sender.sendSeparately(SMALL_WRITES);
            written.countDown();
            await(received);
        }
    }

    private void receiveMerged(int expected, CountDownLatch bound, CountDownLatch written,
                               AtomicReference<ServerSocket> mergeServer) throws IOException {
        byte[] got = new StickyServer(TracedSockets.serverFactory(out)).receiveOnce(host, 0, socket -> {
            mergeServer.set(own(socket));
            bound.countDown();
        }, conn -> {
            await(written);
            // write() returning only means the bytes left the client's buffer: wait until they are all in ours
            InputStream in = conn.getInputStream();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (in.available() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(text.get("demo.sticky.late"));
                }
                Thread.onSpinWait();
            }
        });
        out.line(Side.SERVER, text.get("demo.sticky.merged", got.length, SMALL_WRITES.length,
                new String(got, StandardCharsets.UTF_8)));
    }
}
