package io.socketlab.demo.live;

import io.socketlab.demo.faults.FaultClient;
import io.socketlab.demo.faults.FaultServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** faults live: each line names a failure; the client provokes it for real against the fault server. */
final class FaultsSession extends DemoSession {
    private final AtomicReference<ServerSocket> listening = new AtomicReference<>();
    private FaultClient client;

    FaultsSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        CountDownLatch ready = new CountDownLatch(1);
        startThread("fault-server", () -> new FaultServer(TracedSockets.serverFactory(out), line -> out.line(Side.SERVER, line))
                .serve(host, 0, socket -> {
                    listening.set(own(socket));
                    ready.countDown();
                }));
        await(ready);
        client = new FaultClient(TracedSockets.socketFactory(Side.CLIENT, out),
                TracedSockets.datagramFactory(Side.CLIENT, out), host, listening.get().getLocalPort());
        out.line(Side.CLIENT, text.get("demo.faults.help", String.join(", ", FaultRequests.NAMES)));
    }

    @Override
    public void typeAsClient(String line) {
        out.line(Side.CLIENT, FaultRequests.provoke(client, line.trim(), text));
    }
}
