package io.socketlab.demo.states;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.trace.Side;
import io.socketlab.inspect.SocketRows;
import io.socketlab.inspect.SocketTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;

/**
 * states live: a lazy server (backlog 1, accepts and closes only when told) and clients opened and
 * closed by typed commands, so each TCP state can be produced on purpose and looked at with sockets.
 */
public final class StatesSession extends DemoSession {
    /** The backlog the lazy server asks for; Linux then queues backlog + 1 finished handshakes. */
    static final int BACKLOG = 1;
    /** How long open waits for a handshake before calling it pending. */
    private static final int HANDSHAKE_WAIT_MS = 500;
    /** The most calls fill makes before giving up on filling the queue. */
    private static final int FILL_LIMIT = 8;

    private LazyServer server;
    private Callers callers;

    public StatesSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        server = own(new LazyServer(serverSocket(), host, 0, BACKLOG));
        callers = own(new Callers(host, server.port()));
        out.line(Side.SERVER, text.get("demo.states.listening", server.port(), BACKLOG));
        out.line(Side.CLIENT, text.get("demo.states.commands"));
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        String command = line.strip();
        switch (command) {
            case "fill" -> fill();
            case "accept" -> out.line(Side.SERVER, accept(server, text::get));
            case "close server" -> out.line(Side.SERVER, text.get("demo.states.server.closed", server.closeAll()));
            default -> out.line(Side.CLIENT, client(callers, command, text::get));
        }
    }

    /** How a line of the demo bundle is made. */
    @FunctionalInterface
    interface Text {
        String get(String key, Object... args);
    }

    /** Runs one client command (open, send TEXT, close, reset) on {@code callers}; the line to show. */
    static String client(Callers callers, String command, Text text) throws IOException {
        return switch (command) {
            case "open" -> text.get(callers.open(HANDSHAKE_WAIT_MS) ? "demo.states.opened" : "demo.states.pending",
                    callers.openCount(), callers.pendingCount());
            case "close" -> text.get(callers.closeOldest() ? "demo.states.closed" : "demo.states.none.open");
            case "reset" -> text.get(callers.resetOldest() ? "demo.states.reset" : "demo.states.none.open");
            default -> command.startsWith("send ")
                    ? text.get(callers.send(command.substring(5)) ? "demo.states.sent" : "demo.states.none.open")
                    : text.get("demo.states.commands");
        };
    }

    /** Accepts the oldest waiting connection, if one comes within the handshake wait; the line to show. */
    static String accept(LazyServer server, Text text) throws IOException {
        try {
            server.acceptOne(HANDSHAKE_WAIT_MS);
            return text.get("demo.states.accepted", server.acceptedCount());
        } catch (SocketTimeoutException nobodyWaiting) {
            return text.get("demo.states.queue.empty");
        }
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

    /** The kernel's sockets on {@code port}, both ends of every connection to it, as ss lists them. */
    static void printTable(SocketTable table, int port, PrintStream console, Text text) {
        SocketTable.Snapshot snapshot = table.onPort(port);
        if (!snapshot.available()) {
            console.println(text.get("demo.states.no.table", snapshot.unavailable()));
            return;
        }
        console.println(text.get("demo.states.table", port));
        SocketRows.lines(snapshot.entries()).forEach(row -> console.println(text.get("demo.states.row", row)));
    }

    /** serve states: the lazy server; the person types accept or close, and the table is shown after each. */
    public static void serve(ServeContext context) throws IOException {
        ServerSocket listening = context.serverSocket();
        try (LazyServer lazy = new LazyServer(listening, context.host(), context.port(), BACKLOG)) {
            context.listening(lazy.port());
            PrintStream console = context.console();
            console.println(context.text("demo.states.listening", lazy.port(), BACKLOG));
            console.println(context.text("demo.states.person"));
            SocketTable table = SocketTable.forThisMachine();
            BufferedReader commands = context.commands();
            for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                switch (line.strip()) {
                    case "accept" -> console.println(accept(lazy, context::text));
                    case "close" -> console.println(context.text("demo.states.server.closed", lazy.closeAll()));
                    case "sockets", "" -> { }
                    default -> console.println(context.text("demo.states.person"));
                }
                printTable(table, lazy.port(), console, context::text);
            }
        }
    }

    /** connect states: open, send, close and reset typed as commands, the table shown after each. */
    public static void connect(ConnectContext context) throws IOException {
        context.say("demo.states.commands");
        SocketTable table = SocketTable.forThisMachine();
        try (Callers callers = new Callers(context.host(), context.port())) {
            for (String line = context.nextLine(); line != null && !line.equals("quit"); line = context.nextLine()) {
                String command = line.strip();
                if (!command.isEmpty() && !command.equals("sockets")) {
                    context.say("demo.line", client(callers, command, context::text));
                }
                SocketTable.Snapshot snapshot = table.onPort(context.port());
                if (!snapshot.available()) {
                    context.say("demo.states.no.table", snapshot.unavailable());
                    continue;
                }
                context.say("demo.states.table", context.port());
                SocketRows.lines(snapshot.entries()).forEach(row -> context.say("demo.states.row", row));
            }
        }
    }
}
