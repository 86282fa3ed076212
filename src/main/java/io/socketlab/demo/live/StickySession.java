package io.socketlab.demo.live;

import io.socketlab.demo.sticky.PretendShell;
import io.socketlab.demo.sticky.StickyClient;
import io.socketlab.demo.sticky.StickyServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** sticky live: the learner types shell commands; {@code dir} is long enough to spill into the next reply. */
final class StickySession extends DemoSession {
    private final AtomicReference<ServerSocket> listening = new AtomicReference<>();
    private StickyClient client;

    StickySession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
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
        String reply = client.run(line);
        out.line(Side.CLIENT, reply == null ? text.get("demo.skipped") : text.get("demo.sticky.reply", reply));
    }
}
