package io.socketlab.demo.live;

import io.socketlab.demo.http.HttpByHand;
import io.socketlab.demo.http.HttpFolderServer;
import io.socketlab.demo.http.HttpResponseText;
import io.socketlab.demo.http.SampleSite;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TracedSockets;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * http live: the folder server on a thread, and a client that sends each typed line as a request:
 * a path becomes a GET, a whole request line is sent as typed, anything else is sent raw.
 */
final class HttpSession extends DemoSession {
    /** Text bodies longer than this are cut on screen (the trace still shows the bytes). */
    private static final int SHOWN_BODY = 400;

    private final AtomicReference<ServerSocket> listening = new AtomicReference<>();
    private String host;

    HttpSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        this.host = host;
        SampleSite site = own(SampleSite.create());
        CountDownLatch ready = new CountDownLatch(1);
        startThread("http-server", () -> new HttpFolderServer(TracedSockets.serverFactory(out), site.folder(),
                line -> out.line(Side.SERVER, line)).serve(host, 0, socket -> {
                    listening.set(own(socket));
                    ready.countDown();
                }));
        await(ready);
        int port = listening.get().getLocalPort();
        out.line(Side.SERVER, text.get("demo.http.serving", site.folder(), host, port));
        out.line(Side.CLIENT, text.get("demo.http.try"));
    }

    /** The request head the session sends for a typed line. */
    static String request(String line, String host, int port) {
        String headers = "Host: " + host + ":" + port + "\r\nConnection: close\r\n\r\n";
        if (line.startsWith("/")) {
            return HttpByHand.getRequest(host, port, line);
        }
        if (line.matches("[A-Z]+ \\S+ HTTP/\\d\\.\\d")) {
            return line + "\r\n" + headers;
        }
        return line + "\r\n\r\n";
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        if (line.isBlank()) {
            out.line(Side.CLIENT, text.get("demo.skipped"));
            return;
        }
        int port = listening.get().getLocalPort();
        byte[] response = new HttpByHand(TracedSockets.socketFactory(Side.CLIENT, out))
                .exchange(host, port, request(line.strip(), host, port));
        HttpResponseText reply = HttpResponseText.split(response);
        out.line(Side.CLIENT, text.get("demo.http.status", reply.statusLine()));
        String length = reply.header("Content-Length");
        out.line(Side.CLIENT, text.get("demo.http.body", reply.body().length, length == null ? "-" : length,
                reply.header("Content-Type") == null ? "-" : reply.header("Content-Type")));
        String type = reply.header("Content-Type");
        if (type != null && (type.startsWith("text/") || type.startsWith("application/json"))) {
            String body = reply.bodyText();
            out.line(Side.CLIENT, body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) + "…" : body.stripTrailing());
        }
    }
}
