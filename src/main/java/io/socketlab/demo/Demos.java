package io.socketlab.demo;

import io.socketlab.demo.live.DemoOutput;
import io.socketlab.demo.live.DemoSessions;
import io.socketlab.demo.live.DemoSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The registry of live demos: their ids (as lessons name them) and the chapter each belongs to. */
public final class Demos {
    private static final Map<String, Integer> CHAPTERS = new LinkedHashMap<>();

    static {
        CHAPTERS.put("phone", 4);
        CHAPTERS.put("tcp-loop", 5);
        CHAPTERS.put("udp-echo", 6);
        CHAPTERS.put("chat", 7);
        CHAPTERS.put("sticky", 8);
        CHAPTERS.put("framed", 8);
        CHAPTERS.put("many", 9);
        CHAPTERS.put("faults", 10);
    }

    private Demos() {
    }

    /** Every demo id, in chapter order; the set is unmodifiable. */
    public static Set<String> ids() {
        return java.util.Collections.unmodifiableSet(CHAPTERS.keySet());
    }

    /** True when {@code id} names a demo. */
    public static boolean exists(String id) {
        return CHAPTERS.containsKey(id);
    }

    /** The chapter number of demo {@code id}; IllegalArgumentException for an unknown id. */
    public static int chapter(String id) {
        Integer chapter = CHAPTERS.get(id);
        if (chapter == null) {
            throw new IllegalArgumentException("unknown demo '" + id + "' (choose one of " + String.join(", ", ids()) + ")");
        }
        return chapter;
    }

    /** A new, not yet started session of demo {@code id} reporting to {@code out}. */
    public static DemoSession open(String id, DemoOutput out) {
        chapter(id);
        return DemoSessions.create(id, out);
    }
}
