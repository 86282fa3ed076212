package exercise.udp_pinger;

import java.util.List;
import java.util.Locale;

/**
 * What a run of pings found: {@code rttMillis} has one entry per ping sent, in order, the round-trip
 * time in milliseconds or {@code null} for a ping that got no reply in time. {@code minMillis},
 * {@code avgMillis} and {@code maxMillis} are over the replies only (NaN when there was none);
 * {@code lossPercent} is the share of pings without a reply, from 0 to 100.
 */
public record PingReport(List<Double> rttMillis, double minMillis, double avgMillis, double maxMillis, double lossPercent) {

    /** The summary ping prints at the end, e.g. "10 packets transmitted, 8 received, 20.0% packet loss". */
    public String summary() {
        long received = rttMillis.stream().filter(rtt -> rtt != null).count();
        return String.format(Locale.ROOT, "%d packets transmitted, %d received, %.1f%% packet loss%n"
                        + "rtt min/avg/max = %.3f/%.3f/%.3f ms",
                rttMillis.size(), received, lossPercent, minMillis, avgMillis, maxMillis);
    }
}
