package io.socketlab.demo.trace;

/** Receives socket calls as they happen; called from whichever thread made the call. */
@FunctionalInterface
public interface TraceListener {
    void onCall(TraceEvent event);

    /** A listener that drops every event, for runs nobody watches. */
    TraceListener NONE = event -> { };
}
