package io.socketlab.demo.udp;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.trace.Side;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/** udp-echo live: each typed line is one datagram. */
public final class UdpEchoSession extends DemoSession {
    private UdpEchoClient client;

    public UdpEchoSession(DemoOutput out) {
        super(out);
    }

    @Override
    public void start(String host) throws IOException {
        DatagramSocket server = datagramSocket(Side.SERVER, new InetSocketAddress(host, 0));
        startThread("udp-server", () -> UdpEchoServer.serve(server));
        DatagramSocket udp = datagramSocket(Side.CLIENT, null);
        udp.setSoTimeout(READ_TIMEOUT_MILLIS);
        client = new UdpEchoClient(udp, host, server.getLocalPort());
    }

    @Override
    public void typeAsClient(String line) throws IOException {
        String reply = client.say(line);
        out.line(Side.CLIENT, reply == null ? text.get("demo.skipped") : text.get("demo.reply", reply));
    }

    /** serve udp-echo: answers datagrams until Ctrl-C. */
    public static void serve(ServeContext context) throws IOException {
        UdpEchoServer.serve(context.bind());
    }

    /** connect udp-echo: every typed line as one datagram, the reply printed. */
    public static void connect(ConnectContext context) throws IOException {
        try (UdpEchoClient client = new UdpEchoClient(context.datagramSocket(), context.host(), context.port())) {
            context.talk(client::say);
        }
    }
}
