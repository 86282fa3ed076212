package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedDatagramSocket;
import io.socketlab.demo.trace.TracedServerSocket;
import io.socketlab.demo.trace.TracedSocket;
import io.socketlab.i18n.Messages;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One demo running in this process: its server on a thread, its client driven by typed lines.
 * {@link #close()} closes every socket and joins every thread it started (bounded wait).
 */
public abstract class DemoSession implements Closeable {
    /** The client's read timeout: both halves run in this process, so a reply that takes longer is not coming. */
    protected static final int READ_TIMEOUT_MILLIS = 5000;

    protected final DemoOutput out;
    /** The demo bundle in the output's language: every line a session prints comes from it. */
    protected final Messages text;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Closeable> resources = new ArrayList<>();

    protected DemoSession(DemoOutput out) {
        this.out = out;
        this.text = Messages.of("demo", out.lang());
    }

    /** Starts the server on {@code host} and an ephemeral port, waits until it listens, connects the client. */
    public abstract void start(String host) throws IOException;

    /** The learner typed {@code line} as the client. */
    public abstract void typeAsClient(String line) throws IOException;

    /** True when a person answers at the server in this demo (the article's chat). */
    public boolean hasPersonAtServer() {
        return false;
    }

    /** The learner typed {@code line} as the server's person; only meaningful when {@link #hasPersonAtServer()}. */
    public void typeAsServer(String line) throws IOException {
        throw new IllegalStateException("no person at this demo's server");
    }

    /** Runs {@code body} on a daemon thread owned by this session; reports its failure on the server side. */
    protected void startThread(String name, IoRunnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (IOException | RuntimeException e) {
                out.line(Side.SERVER, text.get("demo.error", e.getMessage()));
            }
        }, "socketlab-demo-" + name);
        thread.setDaemon(true);
        synchronized (threads) {
            threads.add(thread);
        }
        thread.start();
    }

    /** A traced server socket listening on {@code host} and a port the system picks, closed with the session. */
    protected ServerSocket listen(String host) throws IOException {
        ServerSocket phone = serverSocket();
        phone.bind(new InetSocketAddress(host, 0), 5);
        return phone;
    }

    /** A traced server socket not bound yet, closed with the session. */
    protected ServerSocket serverSocket() throws IOException {
        return own(new TracedServerSocket(out, 0));
    }

    /** A traced client socket, not connected yet, with the read timeout set; closed with the session. */
    protected Socket clientSocket() throws IOException {
        Socket phone = own(new TracedSocket(Side.CLIENT, out));
        phone.setSoTimeout(READ_TIMEOUT_MILLIS);
        return phone;
    }

    /** A traced datagram socket of {@code side} bound to {@code bindAddress} (null: any port), closed with the session. */
    protected DatagramSocket datagramSocket(Side side, InetSocketAddress bindAddress) throws IOException {
        return own(new TracedDatagramSocket(side, out, bindAddress));
    }

    /** Where {@code side} prints its lines. */
    protected PrintStream console(Side side) {
        return SideConsole.of(out, side);
    }

    /** Closes {@code resource} when the session closes (in reverse order of registration). */
    protected <T extends Closeable> T own(T resource) {
        synchronized (resources) {
            resources.add(resource);
        }
        return resource;
    }

    /** Waits up to 5 s for {@code ready}; an IOException when the server did not come up. */
    protected void await(CountDownLatch ready) throws IOException {
        try {
            if (!ready.await(5, TimeUnit.SECONDS)) {
                throw new IOException(text.get("demo.server.late"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(text.get("demo.server.interrupted"), e);
        }
    }

    @Override
    public void close() {
        List<Closeable> toClose;
        synchronized (resources) {
            toClose = new ArrayList<>(resources);
            resources.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (IOException ignored) {
                // closing is best effort: the socket is unusable either way
            }
        }
        onClose();
        List<Thread> toJoin;
        synchronized (threads) {
            toJoin = new ArrayList<>(threads);
            threads.clear();
        }
        for (Thread thread : toJoin) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Wakes anything the threads may wait on besides sockets; called after sockets are closed. */
    protected void onClose() {
    }

    /** A block that may throw IOException. */
    @FunctionalInterface
    protected interface IoRunnable {
        void run() throws IOException;
    }
}
