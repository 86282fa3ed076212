package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.demo.trace.TraceText;
import java.io.PrintStream;

/** Trace and lines of one half of a demo as plain text lines on a stream (for serve and connect). */
final class ConsoleTrace implements DemoOutput {
    private final PrintStream out;

    ConsoleTrace(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onCall(TraceEvent event) {
        String prefix = event.side() == Side.SERVER ? "[server] " : "[client] ";
        byte[] data = event.data();
        String bytes = data.length == 0 ? "" : " " + TraceText.escaped(data);
        out.println(prefix + event.call() + (event.detail().isEmpty() ? "" : " " + event.detail()) + bytes);
        out.flush();
    }

    @Override
    public synchronized void line(Side side, String text) {
        out.println((side == Side.SERVER ? "[server] " : "[client] ") + text);
        out.flush();
    }
}
