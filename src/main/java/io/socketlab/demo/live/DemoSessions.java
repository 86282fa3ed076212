package io.socketlab.demo.live;

/** Makes the session class of each demo id; {@link io.socketlab.demo.Demos} checks the id first. */
public final class DemoSessions {
    private DemoSessions() {
    }

    /** A session for a known demo id. */
    public static DemoSession create(String id, DemoOutput out) {
        return switch (id) {
            case "phone" -> new PhoneSession(out);
            case "tcp-loop" -> new LoopSession(out, false);
            case "framed" -> new LoopSession(out, true);
            case "udp-echo" -> new UdpEchoSession(out);
            case "chat" -> new ChatSession(out);
            case "sticky" -> new StickySession(out);
            case "many" -> new ManySession(out);
            case "faults" -> new FaultsSession(out);
            default -> throw new IllegalArgumentException("unknown demo '" + id + "'");
        };
    }
}
