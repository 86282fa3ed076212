package io.socketlab.render;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.function.IntSupplier;
import org.jline.utils.AttributedString;

/**
 * A writer whose {@code println} wraps each message with {@link TextWrapper#wrapMessage} to the
 * width it is asked for at that moment (a terminal can be resized). Styled messages keep their
 * escape codes: they are read as styled text, wrapped, and written back the same way.
 */
public final class WrappingPrintWriter extends PrintWriter {
    private final IntSupplier width;

    public WrappingPrintWriter(Writer out, IntSupplier width) {
        super(out, true);
        this.width = width;
    }

    @Override
    public void println(String message) {
        if (message == null) {
            super.println(message);
            return;
        }
        boolean styled = message.indexOf('\u001b') >= 0;
        List<AttributedString> lines = TextWrapper.wrapMessage(
                styled ? AttributedString.fromAnsi(message) : new AttributedString(message), width.getAsInt());
        for (AttributedString line : lines) {
            super.println(styled ? line.toAnsi(256, false, null, null) : line.toString());
        }
    }

    @Override
    public void println(Object message) {
        println(String.valueOf(message));
    }
}
