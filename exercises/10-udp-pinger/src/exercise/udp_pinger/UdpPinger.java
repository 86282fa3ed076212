package exercise.udp_pinger;

import java.io.IOException;
import java.net.InetSocketAddress;

/** The UDP pinger of chapter 10, after Kurose and Ross's socket assignment. */
public final class UdpPinger {
    private UdpPinger() {
    }

    /**
     * Sends {@code count} pings to {@code server}, one at a time: ping number n (from 1) is the
     * datagram "PING n T" (T the send time in milliseconds, UTF-8), and its reply is a datagram with
     * exactly the same bytes. Waits at most {@code timeoutMillis} after sending each ping for its
     * reply; a ping without its reply by then is lost. Replies to other pings are not its reply.
     */
    public static PingReport ping(InetSocketAddress server, int count, int timeoutMillis) throws IOException {
        throw new UnsupportedOperationException("write this method (请实现这个方法)");
    }
}
