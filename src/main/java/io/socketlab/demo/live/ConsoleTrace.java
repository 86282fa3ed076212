package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.demo.trace.TraceText;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.PrintStream;

/**
 * Trace and lines of one half of a demo as plain text lines on a stream (for serve and connect);
 * long payloads are cut, as the live demo's timeline cuts them.
 */
final class ConsoleTrace implements DemoOutput {
    /** Characters of a payload shown before the rest is summarised: about the live timeline's six rows. */
    static final int MAX_DATA_CHARS = 200;

    private final PrintStream out;
    private final Messages messages;

    ConsoleTrace(PrintStream out, Messages messages) {
        this.out = out;
        this.messages = messages;
    }

    private String prefix(Side side) {
        return messages.get(side == Side.SERVER ? "demo.column.server" : "demo.column.client") + " ";
    }

    @Override
    public Lang lang() {
        return messages.lang();
    }

    @Override
    public synchronized void onCall(TraceEvent event) {
        String prefix = prefix(event.side());
        byte[] data = event.data();
        String bytes = data.length == 0 ? "" : " " + shortened(TraceText.escaped(data), data.length);
        out.println(prefix + event.call() + (event.detail().isEmpty() ? "" : " " + event.detail()) + bytes);
        out.flush();
    }

    private String shortened(String text, int byteCount) {
        if (text.codePointCount(0, text.length()) <= MAX_DATA_CHARS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_DATA_CHARS)) + " " + messages.get("demo.bytes.more", byteCount);
    }

    @Override
    public synchronized void line(Side side, String text) {
        out.println(prefix(side) + text);
        out.flush();
    }
}
