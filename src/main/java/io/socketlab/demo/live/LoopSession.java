package io.socketlab.demo.live;

import io.socketlab.demo.framed.FramedClient;
import io.socketlab.demo.framed.FramedServer;
import io.socketlab.demo.framed.LengthPrefixFraming;
import io.socketlab.demo.loop.LoopClient;
import io.socketlab.demo.loop.LoopServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** tcp-loop and framed live: one server thread serving clients in turn; {@code quit} hangs up, the next line dials again. */
final class LoopSession extends DemoSession {
    /** A client of either protocol, as the session drives it. */
    private interface Caller extends java.io.Closeable {
        String say(String line) throws IOException;
    }

    private final boolean framed;
    private final AtomicReference<ServerSocket> listening = new AtomicReference<>();
    private String host;
    private Caller client;

    LoopSession(DemoOutput out, boolean framed) {
        super(out);
        this.framed = framed;
    }

    @Override
    public void start(String host) throws IOException {
        this.host = host;
        CountDownLatch ready = new CountDownLatch(1);
        startThread("loop-server", () -> {
            java.util.function.Consumer<ServerSocket> onListening = socket -> {
                listening.set(own(socket));
                ready.countDown();
            };
            if (framed) {
                new FramedServer(TracedSockets.serverFactory(out), text -> out.line(Side.SERVER, text),
                        LengthPrefixFraming.DEFAULT_MAX_FRAME).serve(host, 0, onListening);
            } else {
                new LoopServer(TracedSockets.serverFactory(out), text -> out.line(Side.SERVER, text))
                        .serve(host, 0, onListening);
            }
        });
        await(ready);
    }

    /** The port the server listens on (for tests). */
    int port() {
        return listening.get().getLocalPort();
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        if (line.isEmpty()) {
            out.line(Side.CLIENT, text.get("demo.skipped"));
            return;
        }
        if (line.equals("quit")) {
            if (client != null) {
                client.close();
                client = null;
            }
            out.line(Side.CLIENT, text.get("demo.hung.up"));
            return;
        }
        if (client == null) {
            client = own(connect());
        }
        out.line(Side.CLIENT, text.get("demo.reply", client.say(line)));
    }

    private Caller connect() throws IOException {
        int port = port();
        if (framed) {
            FramedClient framedClient = new FramedClient(TracedSockets.socketFactory(Side.CLIENT, out), host, port);
            return new Caller() {
                @Override
                public String say(String line) throws IOException {
                    return framedClient.say(line);
                }

                @Override
                public void close() throws IOException {
                    framedClient.close();
                }
            };
        }
        LoopClient loopClient = new LoopClient(TracedSockets.socketFactory(Side.CLIENT, out), host, port);
        return new Caller() {
            @Override
            public String say(String line) throws IOException {
                return loopClient.say(line);
            }

            @Override
            public void close() throws IOException {
                loopClient.close();
            }
        };
    }
}
