package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedDatagramSocket;
import io.socketlab.demo.trace.TracedSocket;
import io.socketlab.i18n.Messages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * What the client half of a demo gets from {@code connect}: the server's address, traced sockets
 * with a read timeout, the learner's lines and the screen.
 */
public final class ConnectContext {
    /**
     * How long the client waits for a reply. Chapter 5's experiment has a second client wait in the
     * server's accept queue while the learner goes to the first client's terminal and types quit;
     * two minutes leave time for that, and still free a terminal whose server will never answer.
     */
    public static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private final String host;
    private final int port;
    private final Transport transport;
    private final BufferedReader in;
    private final PrintStream out;
    private final Messages messages;
    private final Duration readTimeout;
    private final DemoOutput trace;
    private final String prompt;
    private volatile boolean reached;

    /** A client half without a prompt: its lines are piped in. */
    public ConnectContext(String host, int port, Transport transport, BufferedReader in, PrintStream out,
                          Messages messages, Duration readTimeout) {
        this(host, port, transport, in, out, messages, readTimeout, false);
    }

    /**
     * A client half that shows the demo's prompt ({@code client> }) before each line it reads when
     * {@code prompted}: a learner at a terminal sees when it is their turn to type.
     */
    public ConnectContext(String host, int port, Transport transport, BufferedReader in, PrintStream out,
                          Messages messages, Duration readTimeout, boolean prompted) {
        this.host = host;
        this.port = port;
        this.transport = transport;
        this.in = in;
        this.out = out;
        this.messages = messages;
        this.readTimeout = readTimeout;
        this.trace = new ConsoleTrace(out, messages);
        this.prompt = prompted ? messages.get("demo.prompt") : null;
    }

    /** A traced TCP socket, not connected yet, with the read timeout set. */
    public Socket socket() throws IOException {
        Socket phone = new TracedSocket(Side.CLIENT, trace) {
            @Override
            public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
                super.connect(endpoint, timeout);
                reached = true;
            }
        };
        phone.setSoTimeout((int) readTimeout.toMillis());
        return phone;
    }

    /** A traced datagram socket on a port the system picks, with the read timeout set. */
    public DatagramSocket datagramSocket() throws IOException {
        DatagramSocket udp = new TracedDatagramSocket(Side.CLIENT, trace, null);
        udp.setSoTimeout((int) readTimeout.toMillis());
        return udp;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** True once a TCP connection was made: a failure after that is not "cannot reach the server". */
    public boolean reached() {
        return reached;
    }

    /** The next typed line, or null at the end of input; the prompt comes first, if there is one. */
    public String nextLine() throws IOException {
        if (prompt != null) {
            out.print(prompt);
            out.flush();
        }
        return in.readLine();
    }

    /** Prints {@code key} of the demo bundle with {@code args}. */
    public void say(String key, Object... args) {
        out.println(messages.get(key, args));
        out.flush();
    }

    /** {@code key} of the demo bundle with {@code args}, in the learner's language. */
    public String text(String key, Object... args) {
        return messages.get(key, args);
    }

    /** How long the client waits for a reply. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** {@code items} as a list in the learner's language. */
    public String list(java.util.Collection<?> items) {
        return messages.list(items);
    }

    /** Prints the banner: connected (TCP) or where datagrams go (UDP), and how to end. */
    public void banner() {
        say(transport == Transport.UDP ? "connect.datagrams" : "connect.connected", host, port, transport.protocol());
    }

    /**
     * The banner, then each typed line through {@code client} with its reply printed, until the end of
     * input or {@code quit}. Over UDP a reply that does not come in time is said and the next line
     * is read (a datagram may be lost); over TCP the timeout ends the conversation.
     */
    public void talk(Conversation client) throws IOException {
        banner();
        for (String line = nextLine(); line != null && !line.equals("quit"); line = nextLine()) {
            try {
                String reply = client.say(line);
                say(reply == null ? "connect.skipped" : "connect.reply", reply);
            } catch (SocketTimeoutException lost) {
                if (transport != Transport.UDP) {
                    throw lost;
                }
                say("connect.no.datagram", readTimeout.toSeconds(), host, port);
            }
        }
    }
}
