package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP demo live whose server serves one client after another: the client dials on the first
 * typed line, keeps the call for the next ones, and hangs up on {@code quit}; the next line dials again.
 */
public abstract class CallSession extends DemoSession {
    private String host;
    private ServerSocket listening;
    private Socket phone;
    private Conversation client;

    protected CallSession(DemoOutput out) {
        super(out);
    }

    /** Serves clients on {@code phone}, bound and listening, until it is closed. */
    protected abstract void serve(ServerSocket phone) throws IOException;

    /** Dials {@code host:port} on {@code phone} and returns the client that talks over it. */
    protected abstract Conversation dial(Socket phone, String host, int port) throws IOException;

    @Override
    public void start(String host) throws IOException {
        this.host = host;
        listening = listen(host);
        startThread("server", () -> serve(listening));
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        if (line.isEmpty()) {
            out.line(Side.CLIENT, text.get("demo.skipped"));
            return;
        }
        if (line.equals("quit")) {
            if (phone != null) {
                phone.close();
                phone = null;
                client = null;
            }
            out.line(Side.CLIENT, text.get("demo.hung.up"));
            return;
        }
        if (client == null) {
            phone = clientSocket();
            client = dial(phone, host, listening.getLocalPort());
        }
        out.line(Side.CLIENT, text.get("demo.reply", client.say(line)));
    }
}
