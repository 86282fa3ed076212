package io.socketlab.demo.live;

import io.socketlab.demo.chat.ChatClient;
import io.socketlab.demo.chat.ChatServer;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import java.io.IOException;
import java.net.DatagramSocket;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/** chat live: the learner is the client (pick a contact, write) and, with a leading '!', the person at the server. */
final class ChatSession extends DemoSession {
    private final BlockingQueue<Optional<String>> serverTyping = new LinkedBlockingQueue<>();
    private final AtomicReference<DatagramSocket> server = new AtomicReference<>();
    private ChatClient client;

    ChatSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        CountDownLatch ready = new CountDownLatch(1);
        ChatServer chat = new ChatServer(TracedSockets.datagramFactory(Side.SERVER, out),
                text -> out.line(Side.SERVER, text), from -> nextServerLine());
        startThread("chat-server", () -> chat.serve(host, 0, socket -> {
            server.set(socket);
            own(socket::close);
            ready.countDown();
        }));
        await(ready);
        client = own(new ChatClient(TracedSockets.datagramFactory(Side.CLIENT, out), host, server.get().getLocalPort()));
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

    private String nextServerLine() {
        try {
            return serverTyping.take().orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
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
        serverTyping.add(Optional.of(line));
    }

    @Override
    protected void onClose() {
        serverTyping.add(Optional.empty());
    }
}
