package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code System.out} of one side of a demo: a demo class prints to the {@link PrintStream} it is
 * given, and each finished line shows on the demo's output as that side's line.
 */
public final class SideConsole extends OutputStream {
    private final DemoOutput out;
    private final Side side;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private SideConsole(DemoOutput out, Side side) {
        this.out = out;
        this.side = side;
    }

    /** A UTF-8 print stream whose lines become {@code side}'s lines on {@code out}. */
    public static PrintStream of(DemoOutput out, Side side) {
        return new PrintStream(new SideConsole(out, side), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            out.line(side, line.toString(StandardCharsets.UTF_8).stripTrailing());
            line.reset();
        } else {
            line.write(b);
        }
    }
}
