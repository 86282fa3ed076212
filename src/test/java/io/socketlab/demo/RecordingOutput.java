package io.socketlab.demo;

import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Collects what a demo prints and traces, and lets a test wait (bounded) for an entry. */
final class RecordingOutput implements DemoOutput {
    private final List<String> lines = new ArrayList<>();
    private final List<TraceEvent> events = new ArrayList<>();

    @Override
    public synchronized void line(Side side, String text) {
        lines.add(side + ": " + text);
        notifyAll();
    }

    @Override
    public synchronized void onCall(TraceEvent event) {
        events.add(event);
        notifyAll();
    }

    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    synchronized List<TraceEvent> events() {
        return new ArrayList<>(events);
    }

    /** The calls of one side in order, as "call" or "call:text" when bytes crossed. */
    synchronized List<String> calls(Side side) {
        List<String> out = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e.side() == side) {
                byte[] data = e.data();
                out.add(data.length == 0 ? e.call() : e.call() + ":" + new String(data, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** Waits up to 20 s for a printed line matching {@code test}; fails the test otherwise. */
    synchronized String awaitLine(Predicate<String> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            for (String line : lines) {
                if (test.test(line)) {
                    return line;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such line; got " + lines);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits up to 20 s until {@code count} printed lines equal {@code text}. */
    synchronized void awaitLineCount(String text, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (lines.stream().filter(text::equals).count() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("fewer than " + count + " lines '" + text + "'");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Waits up to 20 s for a trace event matching {@code test}. */
    synchronized TraceEvent awaitEvent(Predicate<TraceEvent> test) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            for (TraceEvent e : events) {
                if (test.test(e)) {
                    return e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such event; got " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
