package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedDatagramSocket;
import io.socketlab.demo.trace.TracedServerSocket;
import io.socketlab.i18n.Messages;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * What the server half of a demo gets from {@code serve}: where to listen, traced sockets, a console
 * for its lines and the keyboard of the person at the server. {@link #close()} closes every socket
 * it made, which ends a server waiting in accept or receive.
 */
public final class ServeContext implements Closeable {
    /**
     * How long an accepted connection may stay silent before the server hangs up on it. The demo
     * servers serve one client at a time, so without a limit one idle or half-sent connection would
     * keep every other client waiting for ever; five minutes leave a person time to think.
     */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofMinutes(5);

    private final String host;
    private final int port;
    private final DemoOutput trace;
    private final PrintStream out;
    private final Reader keyboard;
    private final Messages messages;
    private final Duration connectionTimeout;
    private final IntConsumer onListening;
    private final List<Closeable> sockets = new ArrayList<>();

    /**
     * Serves on {@code host:port}, printing the trace and lines to {@code out}; {@code onListening} gets
     * the real port once the server listens (or is bound, for UDP).
     */
    public ServeContext(String host, int port, PrintStream out, Reader keyboard, Messages messages,
                        Duration connectionTimeout, IntConsumer onListening) {
        this.host = host;
        this.port = port;
        this.out = out;
        this.trace = new ConsoleTrace(out, messages);
        this.keyboard = keyboard;
        this.messages = messages;
        this.connectionTimeout = connectionTimeout;
        this.onListening = onListening;
    }

    /** A traced server socket listening on the host and port (backlog 5); its connections time out when silent. */
    public ServerSocket listen() throws IOException {
        ServerSocket phone = serverSocket();
        phone.bind(new InetSocketAddress(host, port), 5);
        listening(phone.getLocalPort());
        return phone;
    }

    /** A traced server socket not bound yet, for a server that binds it itself (then it calls {@link #listening}). */
    public ServerSocket serverSocket() throws IOException {
        return keep(new TracedServerSocket(trace, (int) connectionTimeout.toMillis()));
    }

    /** Tells serve the server listens on {@code actualPort}. */
    public void listening(int actualPort) {
        onListening.accept(actualPort);
    }

    /** The port given to serve on (0: any). */
    public int port() {
        return port;
    }

    /** A traced datagram socket bound to the host and port. */
    public DatagramSocket bind() throws IOException {
        DatagramSocket udp = keep(new TracedDatagramSocket(Side.SERVER, trace, new InetSocketAddress(host, port)));
        listening(udp.getLocalPort());
        return udp;
    }

    /** Where the server prints its lines (the article's print calls). */
    public PrintStream console() {
        return SideConsole.of(trace, Side.SERVER);
    }

    /** The person at the server: each line read is asked for with a prompt. */
    public BufferedReader keyboard() {
        return new BufferedReader(keyboard) {
            @Override
            public String readLine() throws IOException {
                out.println(messages.get("serve.reply.prompt"));
                out.flush();
                return super.readLine();
            }
        };
    }

    /** The person at the server typing commands (no reply prompt): the states demo's accept and close. */
    public BufferedReader commands() {
        return new BufferedReader(keyboard);
    }

    /** {@code key} of the demo bundle with {@code args}, in the learner's language. */
    public String text(String key, Object... args) {
        return messages.get(key, args);
    }

    /** The host given to serve on. */
    public String host() {
        return host;
    }

    private synchronized <T extends Closeable> T keep(T socket) {
        sockets.add(socket);
        return socket;
    }

    @Override
    public synchronized void close() throws IOException {
        for (Closeable socket : sockets) {
            socket.close();
        }
    }
}
