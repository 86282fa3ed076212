package io.socketlab.demo.live;

import io.socketlab.demo.names.AddressEchoServer;
import io.socketlab.demo.names.Endpoints;
import io.socketlab.demo.names.EveryAddress;
import io.socketlab.demo.names.HostPort;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * names live: one server listening on 127.0.0.1 and, where the machine has it, on ::1, same port.
 * Each typed name is resolved and called at every address it has; the server says which two ends it saw.
 */
final class NamesSession extends DemoSession {
    private final AtomicReference<ServerSocket> ipv4 = new AtomicReference<>();
    private final AtomicReference<ServerSocket> ipv6 = new AtomicReference<>();
    private boolean ipv6Works;

    NamesSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        int port = listen("127.0.0.1", 0, ipv4);
        try {
            listen("::1", port, ipv6);
            ipv6Works = true;
            out.line(Side.SERVER, text.get("demo.names.both", port));
        } catch (IOException noIpv6) {
            out.line(Side.SERVER, text.get("demo.names.no.ipv6", port, noIpv6.getMessage()));
        }
        out.line(Side.CLIENT, text.get("demo.names.try"));
    }

    /** Starts one server on {@code host:port}; returns the port it got; the bind's failure is thrown here. */
    private int listen(String host, int port, AtomicReference<ServerSocket> into) throws IOException {
        CountDownLatch ready = new CountDownLatch(1);
        AtomicReference<IOException> failed = new AtomicReference<>();
        startThread("names-server-" + host, () -> {
            try {
                new AddressEchoServer(TracedSockets.serverFactory(out)).serve(host, port, socket -> {
                    into.set(own(socket));
                    ready.countDown();
                });
            } catch (IOException e) {
                if (into.get() == null) {
                    failed.set(e);
                    ready.countDown();
                } else {
                    throw e;
                }
            }
        });
        await(ready);
        if (failed.get() != null) {
            throw failed.get();
        }
        return into.get().getLocalPort();
    }

    /** True when the server listens on ::1 as well (for tests). */
    boolean ipv6Works() {
        return ipv6Works;
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        int port = ipv4.get().getLocalPort();
        HostPort target;
        try {
            target = HostPort.parse(line.isBlank() ? "localhost" : line, port);
        } catch (IllegalArgumentException bad) {
            out.line(Side.CLIENT, text.get("demo.names.bad", bad.getMessage()));
            return;
        }
        List<InetAddress> addresses;
        try {
            addresses = EveryAddress.resolve(target.host());
        } catch (IOException unknown) {
            out.line(Side.CLIENT, text.get("demo.names.unknown", target.host(), unknown.getMessage()));
            return;
        }
        StringBuilder list = new StringBuilder();
        for (InetAddress address : addresses) {
            list.append(list.length() == 0 ? "" : ", ").append(address.getHostAddress()).append(" (").append(Endpoints.family(address)).append(')');
        }
        out.line(Side.CLIENT, text.get("demo.names.resolved", target.host(), addresses.size(), list));
        for (EveryAddress.Attempt attempt : new EveryAddress(TracedSockets.socketFactory(Side.CLIENT, out), 2000)
                .callEach(target.host(), target.port())) {
            String where = Endpoints.text(new java.net.InetSocketAddress(attempt.address(), target.port()));
            out.line(Side.CLIENT, attempt.worked() ? text.get("demo.names.reply", where, attempt.reply())
                    : text.get("demo.names.failed", where, attempt.failure()));
        }
    }
}
