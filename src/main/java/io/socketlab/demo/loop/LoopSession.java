package io.socketlab.demo.loop;

import io.socketlab.demo.live.CallSession;
import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.Conversation;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.trace.Side;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/** tcp-loop live: one server thread serving clients in turn; {@code quit} hangs up, the next line dials again. */
public final class LoopSession extends CallSession {
    public LoopSession(DemoOutput out) {
        super(out);
    }

    @Override
    protected void serve(ServerSocket phone) throws IOException {
        new LoopServer(console(Side.SERVER)).serve(phone);
    }

    @Override
    protected Conversation dial(Socket phone, String host, int port) throws IOException {
        return new LoopClient(phone, host, port)::say;
    }

    /** serve tcp-loop: clients in turn until Ctrl-C. */
    public static void serve(ServeContext context) throws IOException {
        new LoopServer(context.console()).serve(context.listen());
    }

    /** connect tcp-loop: every typed line to the server, its reply printed. */
    public static void connect(ConnectContext context) throws IOException {
        try (LoopClient client = new LoopClient(context.socket(), context.host(), context.port())) {
            context.talk(client::say);
        }
    }
}
