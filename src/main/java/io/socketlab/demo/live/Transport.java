package io.socketlab.demo.live;

/** What a demo speaks on the wire, which decides its default port and whether netcat can talk to it. */
public enum Transport {
    /** Text over a TCP stream: {@code nc HOST PORT} can play the other half. */
    TCP("TCP", "nc "),
    /** Text in UDP datagrams: {@code nc -u HOST PORT} can play the other half. */
    UDP("UDP", "nc -u "),
    /** Length-prefixed frames over TCP: binary headers a person cannot type into netcat. */
    TCP_FRAMES("TCP", null);

    private final String protocol;
    private final String netcat;

    Transport(String protocol, String netcat) {
        this.protocol = protocol;
        this.netcat = netcat;
    }

    /** "TCP" or "UDP". */
    public String protocol() {
        return protocol;
    }

    /** The netcat command (without host and port) that can talk to this transport, or null when none can. */
    public String netcat() {
        return netcat;
    }
}
