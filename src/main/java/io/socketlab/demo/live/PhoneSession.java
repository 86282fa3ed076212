package io.socketlab.demo.live;

import io.socketlab.demo.phone.PhoneClient;
import io.socketlab.demo.phone.PhoneServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** The phone demo live: every typed line is a whole new call (the server answers only once). */
final class PhoneSession extends DemoSession {
    private String host;

    PhoneSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) {
        this.host = host;
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        CountDownLatch listening = new CountDownLatch(1);
        AtomicInteger port = new AtomicInteger();
        startThread("phone-server", () -> {
            String heard = new PhoneServer(TracedSockets.serverFactory(out)).answerOnce(host, 0, p -> {
                port.set(p);
                listening.countDown();
            });
            out.line(Side.SERVER, text.get("demo.heard", heard));
        });
        await(listening);
        String reply = new PhoneClient(TracedSockets.socketFactory(Side.CLIENT, out)).call(host, port.get(), line);
        out.line(Side.CLIENT, text.get("demo.reply", reply));
    }
}
