package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.demo.trace.TraceText;
import io.socketlab.i18n.Messages;
import io.socketlab.render.TextWrapper;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.WCWidth;

/**
 * Draws trace events as a two-column timeline, server on the left and client on the right, fitted
 * to a terminal width (CJK characters count as two columns). Without colour the result has no escape codes.
 */
public final class TraceTimeline {
    /** Bytes shown per event before the rest is summarised, so a long reply cannot flood the screen. */
    static final int MAX_DATA_LINES = 6;
    private static final String GAP = " | ";

    private final int width;
    private final boolean color;
    private final Messages messages;

    /** A timeline {@code width} columns wide; {@code messages} (the demo bundle) words the byte-count summary. */
    public TraceTimeline(int width, boolean color, Messages messages) {
        this.width = Math.max(40, width);
        this.color = color;
        this.messages = messages;
    }

    /** The rows for one event: the call and detail, then its bytes (escaped text, or hex when {@code hex}). */
    public List<AttributedString> rows(TraceEvent event, boolean hex) {
        int column = (width - GAP.length()) / 2;
        List<String> cells = new ArrayList<>(wrap(event.call() + (event.detail().isEmpty() ? "" : " " + event.detail()), column));
        byte[] data = event.data();
        if (data.length > 0) {
            List<String> dataLines = wrap("  " + (hex ? TraceText.hex(data) : TraceText.escaped(data)), column);
            if (dataLines.size() > MAX_DATA_LINES) {
                List<String> kept = new ArrayList<>(dataLines.subList(0, MAX_DATA_LINES - 1));
                kept.add("  " + messages.get("demo.bytes.more", data.length));
                dataLines = kept;
            }
            cells.addAll(dataLines);
        }
        AttributedStyle style = event.side() == Side.SERVER
                ? AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)
                : AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
        List<AttributedString> rows = new ArrayList<>();
        for (String cell : cells) {
            AttributedStringBuilder row = new AttributedStringBuilder();
            if (event.side() == Side.SERVER) {
                styled(row, pad(cell, column), style);
                row.append(GAP);
            } else {
                row.append(pad("", column)).append(GAP);
                styled(row, cell, style);
            }
            rows.add(row.toAttributedString());
        }
        return rows;
    }

    /** The header row naming the two columns. */
    public AttributedString header(String serverTitle, String clientTitle) {
        int column = (width - GAP.length()) / 2;
        AttributedStringBuilder row = new AttributedStringBuilder();
        AttributedStyle bold = AttributedStyle.BOLD;
        styled(row, pad(serverTitle, column), bold);
        row.append(GAP);
        styled(row, clientTitle, bold);
        return row.toAttributedString();
    }

    private void styled(AttributedStringBuilder row, String text, AttributedStyle style) {
        if (color) {
            row.styled(style, text);
        } else {
            row.append(text);
        }
    }

    static int columns(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            total += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return total;
    }

    private static String pad(String text, int column) {
        StringBuilder out = new StringBuilder(text);
        for (int used = columns(text); used < column; used++) {
            out.append(' ');
        }
        return out.toString();
    }

    /** {@code text} in lines of at most {@code column} display columns, broken at word boundaries. */
    static List<String> wrap(String text, int column) {
        return List.of(TextWrapper.wrapMessage(text, column).split("\n", -1));
    }
}
