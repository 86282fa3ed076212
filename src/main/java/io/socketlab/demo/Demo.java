package io.socketlab.demo;

import io.socketlab.demo.live.ConnectContext;
import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSession;
import io.socketlab.demo.live.Half;
import io.socketlab.demo.live.LiveDemo;
import io.socketlab.demo.live.ServeContext;
import io.socketlab.demo.live.Transport;
import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.util.function.Function;
import org.jline.reader.LineReader;

/**
 * One demo: its id (as lessons name it), its chapter, what it speaks on the wire, the port
 * {@code serve} and {@code connect} use unless told otherwise, its live session (both halves in
 * this process), and its server and client halves run on their own.
 */
public record Demo(String id, int chapter, Transport transport, int defaultPort,
                   Function<DemoOutput, DemoSession> live, Half<ServeContext> server, Half<ConnectContext> client) {

    /** Runs the demo live at {@code reader}'s prompt until the learner stops it. */
    public void runLive(LineReader reader, Lang lang, boolean color) {
        LiveDemo.run(reader, id, chapter, live, lang, color);
    }

    /** As {@link #runLive(LineReader, Lang, boolean)}, with {@code sideCommands} (the sockets view) at the demo's prompt. */
    public void runLive(LineReader reader, Lang lang, boolean color, java.util.List<LiveDemo.SideCommand> sideCommands) {
        LiveDemo.run(reader, id, chapter, live, lang, color, sideCommands);
    }

    /** A new, not yet started live session reporting to {@code out}. */
    public DemoSession open(DemoOutput out) {
        return live.apply(out);
    }

    /** Runs the server half; returns when it is done (phone: after one call) or throws the bind error. */
    public void serve(ServeContext context) throws IOException {
        server.run(context);
    }

    /** Runs the client half until the end of input or {@code quit}. */
    public void connect(ConnectContext context) throws IOException {
        client.run(context);
    }
}
