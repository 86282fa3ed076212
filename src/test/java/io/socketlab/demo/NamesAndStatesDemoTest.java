package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.names.AddressEchoServer;
import io.socketlab.demo.states.LazyServer;
import io.socketlab.inspect.SocketEntry;
import io.socketlab.inspect.SocketTable;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The names and states demos through their live sessions, and against the Python peers. */
class NamesAndStatesDemoTest {
    private static boolean ipv6Loopback() {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean pythonAvailable() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void namesCallsTheSameServerOverIpv4AndIpv6AndTheServerSeesEachFamily() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("names").open(out)) {
            session.start("127.0.0.1");
            String listening = out.awaitLine(l -> l.startsWith("SERVER: listening on 127.0.0.1:"));
            int port = Integer.parseInt(listening.replaceAll("SERVER: listening on 127\\.0\\.0\\.1:(\\d+).*", "$1"));
            session.typeAsClient("127.0.0.1");
            assertTrue(out.lines().contains("CLIENT: 127.0.0.1:" + port + " answered: you are 127.0.0.1:"
                    + out.lines().stream().filter(l -> l.startsWith("CLIENT: 127.0.0.1:" + port + " answered"))
                    .findFirst().orElseThrow().replaceAll(".*you are 127\\.0\\.0\\.1:(\\d+),.*", "$1")
                    + ", I am 127.0.0.1:" + port), out.lines().toString());
            if (ipv6Loopback()) {
                assertTrue(listening.contains("[::1]:" + port), listening);
                session.typeAsClient("[::1]:" + port);
                String reply = out.awaitLine(l -> l.startsWith("CLIENT: [::1]:" + port + " answered"));
                assertTrue(reply.matches(".*you are \\[::1\\]:\\d+, I am \\[::1\\]:" + port), reply);
                // the trace spells the IPv6 calls as Python would make them: an AF_INET6 socket, the address in brackets
                List<String> server = out.events().stream().filter(e -> e.side() == io.socketlab.demo.trace.Side.SERVER)
                        .map(e -> e.call() + " " + e.detail()).toList();
                assertTrue(server.containsAll(List.of("socket AF_INET, SOCK_STREAM", "bind 127.0.0.1:" + port,
                        "socket AF_INET6, SOCK_STREAM", "bind [::1]:" + port)), server.toString());
                List<String> client = out.events().stream().filter(e -> e.side() == io.socketlab.demo.trace.Side.CLIENT)
                        .map(e -> e.call() + " " + e.detail()).toList();
                int connect = client.indexOf("connect [::1]:" + port);
                assertTrue(connect > 0 && client.get(connect - 1).equals("socket AF_INET6, SOCK_STREAM"), client.toString());
            } else {
                assertTrue(listening.contains("::1 does not work on this machine"), listening);
            }
            session.typeAsClient("[::1");
            out.awaitLine(l -> l.startsWith("CLIENT: not a host or host:port: '[' without ']'"));
        }
    }

    @Test
    void namesResolvesLocalhostToEveryAddressTheResolverGives() throws Exception {
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("names").open(out)) {
            session.start("127.0.0.1");
            session.typeAsClient("localhost");
            int count = InetAddress.getAllByName("localhost").length;
            String resolved = out.awaitLine(l -> l.startsWith("CLIENT: localhost resolves to "));
            assertTrue(resolved.contains("to " + count + " address(es)"), resolved);
            assertTrue(resolved.contains("127.0.0.1 (IPv4)"), resolved);
        }
    }

    @Test
    void pythonResolvesAndCallsOurAddressEchoServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        ServerSocket listening = new ServerSocket();
        listening.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread serving = new Thread(() -> {
            try {
                AddressEchoServer.serve(listening);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "names-server-under-test");
        serving.start();
        try {
            Process python = new ProcessBuilder("python3", "python/names_client.py", "127.0.0.1",
                    String.valueOf(listening.getLocalPort())).start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                String line = lines.readLine();
                assertTrue(line != null && line.matches("127\\.0\\.0\\.1 -> you are 127\\.0\\.0\\.1:\\d+, I am 127\\.0\\.0\\.1:"
                        + listening.getLocalPort()), String.valueOf(line));
            } finally {
                assertTrue(python.waitFor(20, TimeUnit.SECONDS));
                python.destroy();
            }
        } finally {
            listening.close();
            serving.join(10_000);
        }
    }

    /** Waits (bounded) for an entry of {@code table} on {@code port} that matches; returns it. */
    private static SocketEntry await(SocketTable table, int port, Predicate<SocketEntry> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<SocketEntry> last = List.of();
        while (System.nanoTime() < deadline) {
            last = table.onPort(port).entries();
            for (SocketEntry entry : last) {
                if (wanted.test(entry)) {
                    return entry;
                }
            }
            Thread.yield();
        }
        throw new AssertionError("no " + what + " in " + last);
    }

    /** Waits (bounded) until no entry on {@code port} has {@code otherPort} at either end: both ends are gone. */
    private static void awaitGone(SocketTable table, int port, int otherPort) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<SocketEntry> left = List.of();
        while (System.nanoTime() < deadline) {
            left = table.onPort(port).entries().stream()
                    .filter(e -> e.local().getPort() == otherPort || e.remote().getPort() == otherPort).toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.yield();
        }
        throw new AssertionError("after the RST, still listed: " + left);
    }

    @Test
    void statesProducesTheAcceptQueueCloseWaitFinWaitAndTimeWaitOnRequest() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net: not Linux");
        SocketTable table = SocketTable.forThisMachine();
        RecordingOutput out = new RecordingOutput();
        try (DemoSession session = Demos.get("states").open(out)) {
            session.start("127.0.0.1");
            String listening = out.awaitLine(l -> l.startsWith("SERVER: lazy server on port "));
            int port = Integer.parseInt(listening.replaceAll("SERVER: lazy server on port (\\d+),.*", "$1"));
            session.typeAsClient("fill");
            out.awaitLine(l -> l.startsWith("CLIENT: the accept queue is full: 2 connected, 1 left waiting"));
            await(table, port, e -> e.state().equals("LISTEN") && e.recvQ() == 2, "a listener with 2 queued");
            session.typeAsClient("accept");
            out.awaitLine(l -> l.equals("SERVER: accepted: 1 connection(s) now belong to the server, which never reads them"));
            session.typeAsClient("close");
            await(table, port, e -> e.state().equals("CLOSE-WAIT") && e.local().getPort() == port, "the server's CLOSE-WAIT");
            await(table, port, e -> e.state().equals("FIN-WAIT-2") && e.remote().getPort() == port, "the client's FIN-WAIT-2");
            session.typeAsClient("close server");
            out.awaitLine(l -> l.startsWith("SERVER: the server closed 1 connection(s)"));
            await(table, port, e -> e.state().equals("TIME-WAIT") && e.remote().getPort() == port, "the client's TIME-WAIT");
            session.typeAsClient("send hello");
            SocketEntry unread = await(table, port, e -> e.state().equals("ESTABLISHED") && e.local().getPort() == port
                    && e.recvQ() == 5, "5 unread bytes queued at the server's end");
            int clientPort = unread.remote().getPort();
            session.typeAsClient("reset");
            out.awaitLine(l -> l.startsWith("CLIENT: the client aborted its oldest connection (RST)"));
            awaitGone(table, port, clientPort);
        }
    }

    @Test
    void pythonClientsWaitInTheLazyServersAcceptQueueThenLeaveItInCloseWait() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net: not Linux");
        SocketTable table = SocketTable.forThisMachine();
        try (LazyServer server = new LazyServer(new ServerSocket(), "127.0.0.1", 0, 1)) {
            Process python = new ProcessBuilder("python3", "python/states_client.py", String.valueOf(server.port()), "2").start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
                 OutputStream stdin = python.getOutputStream()) {
                assertEquals("connected 2", lines.readLine());
                await(table, server.port(), e -> e.state().equals("LISTEN") && e.recvQ() == 2, "2 Python calls queued");
                Socket conn = server.acceptOne(5000);
                await(table, server.port(), e -> e.state().equals("LISTEN") && e.recvQ() == 1, "1 left after one accept");
                stdin.write('\n');
                stdin.flush();
                assertEquals("closed 2", lines.readLine());
                await(table, server.port(), e -> e.state().equals("CLOSE-WAIT") && e.local().getPort() == server.port()
                        && e.remote().getPort() == conn.getPort(), "the accepted connection in CLOSE-WAIT");
            } finally {
                assertTrue(python.waitFor(20, TimeUnit.SECONDS));
                python.destroy();
            }
        }
    }
}
