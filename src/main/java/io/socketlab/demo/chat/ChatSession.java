package io.socketlab.demo.chat;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.live.TypedLines;
import io.socketlab.demo.trace.Side;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/** chat live: the learner is the client (pick a contact, write) and, with a leading '!', the person at the server. */
public final class ChatSession extends DemoSession {
    private final TypedLines serverKeyboard = new TypedLines();
    private ChatClient client;

    public ChatSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        DatagramSocket server = datagramSocket(Side.SERVER, new InetSocketAddress(host, 0));
        ChatServer chat = new ChatServer(console(Side.SERVER), new BufferedReader(serverKeyboard));
        startThread("chat-server", () -> chat.serve(server));
        client = new ChatClient(datagramSocket(Side.CLIENT, null), host, server.getLocalPort());
        startThread("chat-client-inbox", () -> {
            while (true) {
                String reply;
                try {
                    reply = client.receive();
                } catch (IOException closed) {
                    return;
                }
                out.line(Side.CLIENT, text.get("demo.reply", reply));
            }
        });
        out.line(Side.CLIENT, text.get("demo.contacts", text.list(client.contacts())));
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        if (!client.talking()) {
            if (!client.pick(line.trim())) {
                out.line(Side.CLIENT, text.get("demo.no.contact", line.trim(), text.list(client.contacts())));
            } else {
                out.line(Side.CLIENT, text.get("demo.writing", line.trim()));
            }
            return;
        }
        if (!client.send(line)) {
            out.line(Side.CLIENT, client.talking() ? text.get("demo.skipped")
                    : text.get("demo.left", text.list(client.contacts())));
        }
    }

    @Override
    public boolean hasPersonAtServer() {
        return true;
    }

    @Override
    public void typeAsServer(String line) {
        if (!serverKeyboard.awaited(500)) {
            // the server reads a reply only after a message came: kept, it would answer the next one unseen
            out.line(Side.SERVER, text.get("demo.nothing.to.answer"));
            return;
        }
        if (line.isEmpty()) {
            out.line(Side.SERVER, text.get("demo.skipped"));
        }
        serverKeyboard.type(line);
    }

    @Override
    protected void onClose() {
        serverKeyboard.close();
    }

    /** serve chat: shows each message and sends back what the person types. */
    public static void serve(ServeContext context) throws IOException {
        new ChatServer(context.console(), context.keyboard()).serve(context.bind());
    }

    /** connect chat: pick a contact, write, read each reply; quit leaves the contact. */
    public static void connect(ConnectContext context) throws IOException {
        try (ChatClient client = new ChatClient(context.datagramSocket(), context.host(), context.port())) {
            context.banner();
            String names = context.list(client.contacts());
            context.say("connect.contacts", names);
            for (String line = context.nextLine(); line != null; line = context.nextLine()) {
                if (!client.talking()) {
                    context.say(client.pick(line.trim()) ? "connect.writing" : "connect.no.contact", line.trim(), names);
                } else if (client.send(line)) {
                    try {
                        context.say("connect.reply", client.receive());
                    } catch (SocketTimeoutException unanswered) {
                        context.say("connect.no.answer", context.readTimeout().toSeconds());
                    }
                } else {
                    context.say(client.talking() ? "connect.skipped" : "connect.contacts", names);
                }
            }
        }
    }
}
