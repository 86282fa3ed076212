package io.socketlab.demo.framed;

import io.socketlab.demo.live.CallSession;
import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.Conversation;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.trace.Side;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** framed live: the loop demo again, every message in a length-prefixed frame. */
public final class FramedSession extends CallSession {
    public FramedSession(DemoOutput out) {
        super(out);
    }

    @Override
    protected void serve(ServerSocket phone) throws IOException {
        new FramedServer(console(Side.SERVER), LengthPrefixFraming.DEFAULT_MAX_FRAME).serve(phone);
    }

    @Override
    protected Conversation dial(Socket phone, String host, int port) throws IOException {
        return new FramedClient(phone, host, port)::say;
    }

    /** serve framed: clients in turn until Ctrl-C. */
    public static void serve(ServeContext context) throws IOException {
        new FramedServer(context.console(), LengthPrefixFraming.DEFAULT_MAX_FRAME).serve(context.listen());
    }

    /** connect framed: every typed line as one frame, the reply frame printed. */
    public static void connect(ConnectContext context) throws IOException {
        try (FramedClient client = new FramedClient(context.socket(), context.host(), context.port())) {
            context.talk(client::say);
        }
    }
}
