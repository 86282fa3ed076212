package io.socketlab.demo.live;

import io.socketlab.demo.faults.FaultClient;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.util.List;

/** The failures a learner can ask the faults demo for, by name, and the line that says what was thrown. */
final class FaultRequests {
    static final List<String> NAMES = List.of("refused", "reset", "pipe", "timeout", "full", "unreachable");

    private FaultRequests() {
    }

    /** Provokes {@code request} with {@code client}; the line to show: what was thrown, or how to ask. */
    static String provoke(FaultClient client, String request, Messages text) {
        try {
            switch (request) {
                case "refused" -> client.refused();
                case "reset" -> client.reset();
                case "pipe" -> client.brokenPipe();
                case "timeout" -> client.readTimeout();
                case "full" -> client.connectTimeout();
                case "unreachable" -> client.unreachable();
                default -> {
                    return text.get("demo.faults.unknown", request, text.list(NAMES));
                }
            }
            return text.get("demo.faults.nothing", request);
        } catch (IOException e) {
            return text.get("demo.faults.threw", request, e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }
}
