package io.socketlab.demo.live;

import io.socketlab.demo.states.Callers;
import io.socketlab.demo.states.LazyServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * states live: a lazy server (backlog 1, accepts and closes only when told) and clients opened and
 * closed by typed commands, so each TCP state can be produced on purpose and looked at with sockets.
 */
final class StatesSession extends DemoSession {
    /** The backlog the lazy server asks for; Linux then queues backlog + 1 finished handshakes. */
    static final int BACKLOG = 1;
    /** How long open waits for a handshake before calling it pending. */
    private static final int HANDSHAKE_WAIT_MS = 500;
    /** The most calls fill makes before giving up on filling the queue. */
    private static final int FILL_LIMIT = 8;

    private LazyServer server;
    private Callers callers;

    StatesSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        server = own(new LazyServer(TracedSockets.serverFactory(out), host, 0, BACKLOG));
        callers = own(new Callers(host, server.port()));
        out.line(Side.SERVER, text.get("demo.states.listening", server.port(), BACKLOG));
        out.line(Side.CLIENT, text.get("demo.states.commands"));
    }

    /** The lazy server's port (for tests). */
    int port() {
        return server.port();
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        String command = line.strip();
        switch (command) {
            case "open" -> open();
            case "fill" -> fill();
            case "accept" -> accept();
            case "close" -> say(callers.closeOldest() ? "demo.states.closed" : "demo.states.none.open");
            case "reset" -> say(callers.resetOldest() ? "demo.states.reset" : "demo.states.none.open");
            case "close server" -> out.line(Side.SERVER, text.get("demo.states.server.closed", server.closeAll()));
            default -> {
                if (command.startsWith("send ")) {
                    say(callers.send(command.substring(5)) ? "demo.states.sent" : "demo.states.none.open");
                } else {
                    out.line(Side.CLIENT, text.get("demo.states.commands"));
                }
            }
        }
    }

    private void say(String key) {
        out.line(Side.CLIENT, text.get(key));
    }

    private void open() throws IOException {
        boolean connected = callers.open(HANDSHAKE_WAIT_MS);
        out.line(Side.CLIENT, text.get(connected ? "demo.states.opened" : "demo.states.pending",
                callers.openCount(), callers.pendingCount()));
    }

    private void fill() throws IOException {
        for (int i = 0; i < FILL_LIMIT; i++) {
            if (!callers.open(HANDSHAKE_WAIT_MS)) {
                out.line(Side.CLIENT, text.get("demo.states.full", callers.openCount(), callers.pendingCount(), BACKLOG));
                return;
            }
        }
        out.line(Side.CLIENT, text.get("demo.states.not.full", FILL_LIMIT));
    }

    private void accept() throws IOException {
        try {
            server.acceptOne(HANDSHAKE_WAIT_MS);
            out.line(Side.SERVER, text.get("demo.states.accepted", server.acceptedCount()));
        } catch (SocketTimeoutException nobodyWaiting) {
            out.line(Side.SERVER, text.get("demo.states.queue.empty"));
        }
    }
}
