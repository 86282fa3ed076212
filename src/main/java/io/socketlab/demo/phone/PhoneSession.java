package io.socketlab.demo.phone;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.trace.Side;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** The phone demo live: every typed line is a whole new call (the server answers only once). */
public final class PhoneSession extends DemoSession {
    private String host;

    public PhoneSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) {
        this.host = host;
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        if (line.isEmpty()) {
            // zero bytes sent: the server's read and then the client's would wait for each other
            out.line(Side.CLIENT, text.get("demo.skipped"));
            return;
        }
        ServerSocket phone = serverSocket();
        CountDownLatch listening = new CountDownLatch(1);
        AtomicInteger port = new AtomicInteger();
        startThread("phone-server", () -> {
            byte[] heard = PhoneServer.answerOnce(phone, host, 0, p -> {
                port.set(p);
                listening.countDown();
            });
            out.line(Side.SERVER, text.get("demo.heard", new String(heard, StandardCharsets.UTF_8)));
        });
        await(listening);
        try (Socket caller = clientSocket()) {
            out.line(Side.CLIENT, text.get("demo.reply", PhoneClient.call(caller, host, port.get(), line)));
        }
    }

    /** serve phone: answers one call and returns. */
    public static void serve(ServeContext context) throws IOException {
        byte[] heard = PhoneServer.answerOnce(context.serverSocket(), context.host(), context.port(), context::listening);
        context.console().println("heard: " + new String(heard, StandardCharsets.UTF_8));
    }

    /** connect phone: one typed line is one call (an empty line says hello). */
    public static void connect(ConnectContext context) throws IOException {
        context.say("connect.phone");
        String line = context.nextLine();
        String message = line == null || line.isEmpty() ? "hello" : line;
        try (Socket phone = context.socket()) {
            context.say("connect.reply", PhoneClient.call(phone, context.host(), context.port(), message));
        }
    }
}
