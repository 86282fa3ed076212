package io.socketlab.demo.http;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.trace.Side;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/**
 * http live: the folder server on a thread, and a client that sends each typed line as a request:
 * a path becomes a GET, a whole request line is sent as typed, anything else is sent raw.
 */
public final class HttpSession extends DemoSession {
    /** Text bodies longer than this are cut on screen (the trace still shows the bytes). */
    private static final int SHOWN_BODY = 400;

    private String host;
    private int port;

    public HttpSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        this.host = host;
        SampleSite site = own(SampleSite.create());
        ServerSocket listening = listen(host);
        port = listening.getLocalPort();
        HttpFolderServer server = new HttpFolderServer(site.folder(), console(Side.SERVER));
        startThread("http-server", () -> server.serve(listening));
        out.line(Side.SERVER, text.get("demo.http.serving", site.folder(), host, port));
        out.line(Side.CLIENT, text.get("demo.http.try"));
    }

    /** The request the session sends for a typed line. */
    static String request(String line, String host, int port) {
        if (line.startsWith("/")) {
            return HttpByHand.getRequest(host, port, line);
        }
        if (line.matches("[A-Z]+ \\S+ HTTP/\\d\\.\\d")) {
            return line + "\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n";
        }
        return line + "\r\n\r\n";
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        if (line.isBlank()) {
            out.line(Side.CLIENT, text.get("demo.skipped"));
            return;
        }
        byte[] response = HttpByHand.exchange(clientSocket(), host, port, request(line.strip(), host, port));
        HttpResponseText reply = HttpResponseText.split(response);
        out.line(Side.CLIENT, text.get("demo.http.status", reply.statusLine()));
        String length = reply.header("Content-Length");
        String type = reply.header("Content-Type");
        out.line(Side.CLIENT, text.get("demo.http.body", reply.body().length, length == null ? "-" : length, type == null ? "-" : type));
        if (type != null && (type.startsWith("text/") || type.startsWith("application/json"))) {
            String body = reply.bodyText();
            out.line(Side.CLIENT, body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) + "…" : body.stripTrailing());
        }
    }

    /** serve http: the sample folder over HTTP until Ctrl-C, with the URL for a browser, curl and urllib. */
    public static void serve(ServeContext context) throws IOException {
        try (SampleSite site = SampleSite.create()) {
            // Ctrl-C ends serve: the sample folder goes with it
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    site.close();
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless; the system cleans its temp space
                }
            }));
            ServerSocket listening = context.listen();
            PrintStream console = context.console();
            String shown = context.host().contains(":") ? "[" + context.host() + "]" : context.host();
            int port = listening.getLocalPort();
            console.println(context.text("demo.http.folder", site.folder()));
            console.println(context.text("demo.http.url", shown, port));
            console.println(context.text("demo.http.curl", shown, port));
            console.println(context.text("demo.http.urllib", shown, port));
            new HttpFolderServer(site.folder(), console).serve(listening);
        }
    }

    /**
     * connect http: lines typed up to an empty line make one request, sent as typed with CRLF line
     * ends; a line that is only a path is a whole GET. Each request gets a new connection.
     */
    public static void connect(ConnectContext context) throws IOException {
        context.say("demo.http.type");
        StringBuilder request = new StringBuilder();
        for (String line = context.nextLine(); line != null; line = context.nextLine()) {
            if (request.length() == 0 && (line.isEmpty() || line.equals("quit"))) {
                if (line.equals("quit")) {
                    return;
                }
                continue;
            }
            if (request.length() == 0 && line.startsWith("/")) {
                request.append(HttpByHand.getRequest(context.host(), context.port(), line.strip()));
            } else if (!line.isEmpty()) {
                request.append(line).append("\r\n");
                continue;
            } else {
                request.append("\r\n");
            }
            context.say("demo.http.sent", request.toString().getBytes(StandardCharsets.UTF_8).length);
            byte[] response = HttpByHand.exchange(context.socket(), context.host(), context.port(), request.toString());
            context.say("demo.line", new String(response, StandardCharsets.UTF_8));
            request.setLength(0);
        }
    }
}
