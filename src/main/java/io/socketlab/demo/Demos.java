package io.socketlab.demo;

import io.socketlab.demo.chat.ChatSession;
import io.socketlab.demo.faults.FaultsSession;
import io.socketlab.demo.framed.FramedSession;
import io.socketlab.demo.http.HttpSession;
import io.socketlab.demo.live.Transport;
import io.socketlab.demo.loop.LoopSession;
import io.socketlab.demo.many.ManySession;
import io.socketlab.demo.names.NamesSession;
import io.socketlab.demo.phone.PhoneSession;
import io.socketlab.demo.states.StatesSession;
import io.socketlab.demo.sticky.StickySession;
import io.socketlab.demo.udp.UdpEchoSession;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every demo, in chapter order: the one place a demo is registered. */
public final class Demos {
    private static final List<Demo> ALL = List.of(
            new Demo("phone", 4, Transport.TCP, 8080, PhoneSession::new, PhoneSession::serve, PhoneSession::connect),
            new Demo("tcp-loop", 5, Transport.TCP, 8080, LoopSession::new, LoopSession::serve, LoopSession::connect),
            new Demo("udp-echo", 6, Transport.UDP, 9000, UdpEchoSession::new, UdpEchoSession::serve, UdpEchoSession::connect),
            new Demo("chat", 7, Transport.UDP, 9000, ChatSession::new, ChatSession::serve, ChatSession::connect),
            new Demo("sticky", 8, Transport.TCP, 8080, StickySession::new, StickySession::serve, StickySession::connect),
            new Demo("framed", 8, Transport.TCP_FRAMES, 8080, FramedSession::new, FramedSession::serve, FramedSession::connect),
            new Demo("many", 9, Transport.TCP, 8080, ManySession::new, ManySession::serve, ManySession::connect),
            new Demo("faults", 10, Transport.TCP, 8080, FaultsSession::new, FaultsSession::serve, FaultsSession::connect),
            new Demo("http", 11, Transport.TCP, 8080, HttpSession::new, HttpSession::serve, HttpSession::connect),
            new Demo("names", 12, Transport.TCP, 8080, NamesSession::new, NamesSession::serve, NamesSession::connect),
            new Demo("states", 13, Transport.TCP, 8080, StatesSession::new, StatesSession::serve, StatesSession::connect));

    private Demos() {
    }

    /** Every demo, in chapter order. */
    public static List<Demo> all() {
        return ALL;
    }

    /** Every demo id, in chapter order (unmodifiable). */
    public static Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        ALL.forEach(demo -> ids.add(demo.id()));
        return java.util.Collections.unmodifiableSet(ids);
    }

    /** The demo called {@code id}, if there is one. */
    public static Optional<Demo> find(String id) {
        return ALL.stream().filter(demo -> demo.id().equals(id)).findFirst();
    }

    /** The demo called {@code id}; IllegalArgumentException naming the known ids for any other. */
    public static Demo get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "unknown demo '" + id + "' (choose one of " + String.join(", ", ids()) + ")"));
    }
}
