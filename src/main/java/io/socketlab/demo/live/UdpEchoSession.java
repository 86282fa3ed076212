package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import io.socketlab.demo.udp.UdpEchoClient;
import io.socketlab.demo.udp.UdpEchoServer;
import java.io.IOException;
import java.net.DatagramSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** udp-echo live: each typed line is one datagram. */
final class UdpEchoSession extends DemoSession {
    private final AtomicReference<DatagramSocket> server = new AtomicReference<>();
    private UdpEchoClient client;

    UdpEchoSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        CountDownLatch ready = new CountDownLatch(1);
        startThread("udp-server", () -> new UdpEchoServer(TracedSockets.datagramFactory(Side.SERVER, out))
                .serve(host, 0, socket -> {
                    server.set(socket);
                    own(socket::close);
                    ready.countDown();
                }));
        await(ready);
        client = own(new UdpEchoClient(TracedSockets.datagramFactory(Side.CLIENT, out), host, server.get().getLocalPort()));
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        String reply = client.say(line);
        out.line(Side.CLIENT, reply == null ? text.get("demo.skipped") : text.get("demo.reply", reply));
    }
}
