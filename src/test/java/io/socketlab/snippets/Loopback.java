package io.socketlab.snippets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Plumbing for the snippets tests: connected pairs on 127.0.0.1 and bounded waits for the kernel. */
final class Loopback {
    static final int WAIT_MS = 5000;

    private Loopback() {
    }

    /** A client and the server's end of one connection on 127.0.0.1, both with read timeouts. */
    record Pair(Socket client, Socket conn) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                client.close();
            } finally {
                conn.close();
            }
        }
    }

    static Pair connect(ServerSocket server) throws IOException {
        server.setSoTimeout(WAIT_MS);
        Socket client = new Socket();
        try {
            client.connect(server.getLocalSocketAddress(), WAIT_MS);
            client.setSoTimeout(WAIT_MS);
            Socket conn = server.accept();
            conn.setSoTimeout(WAIT_MS);
            return new Pair(client, conn);
        } catch (IOException e) {
            client.close();
            throw e;
        }
    }

    static ServerSocket listen() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    /** Waits until {@code count} bytes are waiting to be read, without taking any of them. */
    static void awaitAvailable(InputStream in, int count) throws IOException {
        await(() -> {
            try {
                return in.available() >= count;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, count + " bytes to arrive");
    }

    /** Polls {@code condition} until it holds; fails after five seconds. */
    static void await(BooleanSupplier condition, String what) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("waited " + WAIT_MS + " ms for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }

    /** One row of /proc/net/tcp: the kernel's view of a TCP socket. */
    record KernelSocket(int localPort, int remotePort, int state, long receiveQueue) {
        static final int TIME_WAIT = 0x06;
        static final int LISTEN = 0x0A;
    }

    static boolean kernelTableReadable() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** Every TCP socket the kernel knows about now; Java's sockets are IPv6 ones even for 127.0.0.1. */
    static List<KernelSocket> kernelSockets() {
        return Stream.of("/proc/net/tcp", "/proc/net/tcp6").map(Path::of).filter(Files::isReadable)
                .flatMap(table -> rows(table).stream()).toList();
    }

    private static List<KernelSocket> rows(Path table) {
        try (Stream<String> lines = Files.lines(table)) {
            return lines.skip(1).map(String::trim).map(line -> line.split("\\s+")).map(fields -> {
                String[] queues = fields[4].split(":");
                return new KernelSocket(port(fields[1]), port(fields[2]), Integer.parseInt(fields[3], 16),
                        Long.parseLong(queues[1], 16));
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }
}
