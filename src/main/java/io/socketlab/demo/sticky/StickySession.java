package io.socketlab.demo.sticky;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.trace.Side;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * sticky live, both faces of one problem: {@code merge} sends three small messages that the server
 * reads in one recv; {@code dir} is long enough to spill into the next command's reply.
 */
public final class StickySession extends DemoSession {
    /** The three small writes of {@code merge}; one recv on the server gets them joined. */
    static final String[] SMALL_WRITES = {"one,", "two,", "three"};

    private String host;
    private StickyClient client;

    public StickySession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        this.host = host;
        ServerSocket phone = listen(host);
        startThread("sticky-server", () -> StickyServer.serve(phone));
        client = new StickyClient(clientSocket(), host, phone.getLocalPort());
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
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch received = new CountDownLatch(1);
        ServerSocket mergeServer = listen(host);
        startThread("sticky-merge-server", () -> {
            try {
                byte[] got = StickyServer.receiveOnce(mergeServer, conn -> awaitBuffered(conn, expected, written));
                out.line(Side.SERVER, text.get("demo.sticky.merged", got.length, SMALL_WRITES.length,
                        new String(got, StandardCharsets.UTF_8)));
            } finally {
                received.countDown();
            }
        });
        try (Socket phone = clientSocket();
             StickyClient sender = new StickyClient(phone, host, mergeServer.getLocalPort())) {
            sender.sendSeparately(SMALL_WRITES);
            written.countDown();
            await(received);
        }
    }

    /** Holds the server back until the client has written and all {@code expected} bytes are in the receive buffer. */
    private void awaitBuffered(Socket conn, int expected, CountDownLatch written) throws IOException {
        await(written);
        // write() returning only means the bytes left the client's buffer: wait until they are all in ours
        InputStream in = conn.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (in.available() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IOException(text.get("demo.sticky.late"));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);  // look again in 1 ms
        }
    }

    /** serve sticky: the pretend shell for clients in turn until Ctrl-C. */
    public static void serve(ServeContext context) throws IOException {
        StickyServer.serve(context.listen());
    }

    /** connect sticky: every typed line as a command, whatever one recv brings back printed. */
    public static void connect(ConnectContext context) throws IOException {
        try (StickyClient client = new StickyClient(context.socket(), context.host(), context.port())) {
            context.talk(client::run);
        }
    }
}
