package exercise.udp_pinger;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.socketlab.testkit.UdpFaultProxy;
import io.socketlab.testkit.UdpFaultProxy.Fate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class UdpPingerTest {
    /**
     * Shorter than the assignment's 1 s, so a run with losses takes seconds, not ten; long enough for
     * an answered ping's reply to come back on a busy machine, where 200 ms was not.
     */
    static final int TIMEOUT_MS = 500;
    /** Room beyond count x timeout for a busy machine before a pinger counts as stuck. */
    static final int SLACK_MS = 5000;
    /** A delayed reply comes back after the timeout (late: the ping is lost) and before the next ping gives up. */
    static final int DELAY_MS = 800;

    static PingReport pingThrough(UdpFaultProxy proxy, int count) throws Exception {
        return pingThrough(proxy, count, TIMEOUT_MS);
    }

    /**
     * The learner's ping, given at most count x timeout and some slack: a pinger that waits for ever
     * for a dropped ping's reply fails with a message saying why, instead of at the test's time limit.
     */
    static PingReport pingThrough(UdpFaultProxy proxy, int count, int timeoutMillis) throws Exception {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port());
        CompletableFuture<PingReport> report = new CompletableFuture<>();
        Thread pinger = new Thread(() -> {
            try {
                report.complete(UdpPinger.ping(server, count, timeoutMillis));
            } catch (Throwable e) {
                report.completeExceptionally(e);
            }
        }, "learner-pinger");
        pinger.setDaemon(true);
        pinger.start();
        long limit = (long) count * timeoutMillis + SLACK_MS;
        try {
            return report.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            pinger.interrupt();
            throw new AssertionError(say("ping did not return within " + limit / 1000.0 + " s although each of its " + count
                            + " pings may wait only " + timeoutMillis + " ms for its reply. A ping the network dropped never gets"
                            + " one, and receive waits for ever unless the socket has a timeout: call socket.setSoTimeout"
                            + " before receive, and take SocketTimeoutException as a lost ping",
                    "ping 在 " + limit / 1000.0 + " 秒内没有返回，而它的 " + count + " 次 ping 每次最多只能等 " + timeoutMillis
                            + " 毫秒。被网络丢掉的 ping 永远等不到回复；套接字没有超时的话，receive 会一直等下去："
                            + "在 receive 之前调用 socket.setSoTimeout，把 SocketTimeoutException 当作这次 ping 丢失")
                    + "\n" + proxy.log());
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof Exception e) {
                throw e;
            }
            throw (Error) failed.getCause();
        }
    }

    /** The first seed from 1 that drops between 2 and 5 of the first ten pings with {@code settings}. */
    static long seedDroppingSome(UdpFaultProxy.Builder settings) {
        for (long seed = 1; ; seed++) {
            long drops = settings.seed(seed).fates(10).stream().filter(f -> f == Fate.DROP).count();
            if (drops >= 2 && drops <= 5) {
                return seed;
            }
        }
    }

    @Test
    @Tag("points=2")
    void tenPingsWithoutFaultsAllComeBack() throws Exception {
        try (PingServer server = new PingServer(); UdpFaultProxy proxy = UdpFaultProxy.to(server.port()).start()) {
            // nothing is lost, so a long timeout costs nothing and no slow machine loses a reply
            PingReport report = pingThrough(proxy, 10, 2000);
            assertEquals(10, proxy.dealt().size(), say("10 pings should send exactly 10 datagrams, one per ping",
                    "10 次 ping 应该正好发出 10 个数据报，每次一个") + "\n" + proxy.log());
            assertEquals(10, report.rttMillis().size(), say("one round-trip time per ping, " + report.rttMillis(),
                    "每次 ping 一个往返时间，" + report.rttMillis()));
            assertTrue(report.rttMillis().stream().allMatch(Objects::nonNull), say(
                    "nothing was lost, yet some pings have no reply: " + report.rttMillis(),
                    "什么也没丢，却有 ping 没收到回复：" + report.rttMillis()) + "\n" + proxy.log());
            assertEquals(0.0, report.lossPercent(), say("no ping was lost", "没有丢失任何 ping"));
        }
    }

    @Test
    @Tag("points=3")
    void aPingCountsAsLostExactlyWhenItsOwnReplyMissedTheTimeout() throws Exception {
        // drops, duplicates, late replies and one overtaken ping, in a seed where a duplicate and a late
        // reply are each followed by a dropped ping: a pinger that takes any reply as the answer counts those
        UdpFaultProxy.Builder settings = UdpFaultProxy.to(0).loss(0.25).duplicate(0.2).delay(0.2, DELAY_MS).reorder(0.1);
        long seed = seedWithBoth(settings);
        try (PingServer server = new PingServer();
             UdpFaultProxy proxy = UdpFaultProxy.to(server.port()).seed(seed).loss(0.25).duplicate(0.2)
                     .delay(0.2, DELAY_MS).reorder(0.1).start()) {
            PingReport report = pingThrough(proxy, 10);
            List<Fate> fates = proxy.dealt();
            assertEquals(10, fates.size(), say("10 pings should send exactly 10 datagrams, one per ping",
                    "10 次 ping 应该正好发出 10 个数据报，每次一个") + "\n" + proxy.log());
            for (int i = 0; i < 10; i++) {
                Fate fate = fates.get(i);
                Double rtt = report.rttMillis().get(i);
                boolean answered = fate == Fate.PASS || fate == Fate.DUPLICATE;
                if (answered) {
                    assertNotNull(rtt, say("ping " + (i + 1) + " went through and was answered at once, but got no round-trip time",
                            "第 " + (i + 1) + " 次 ping 顺利到达并立刻得到了回复，却没有往返时间") + "\n" + proxy.log());
                } else if (rtt != null) {
                    fail(explainLost(i, fate, rtt) + "\n" + proxy.log());
                }
            }
        }
    }

    private static long seedWithBoth(UdpFaultProxy.Builder settings) {
        for (long seed = 1; ; seed++) {
            List<Fate> fates = settings.seed(seed).fates(10);
            if (java.util.Collections.indexOfSubList(fates, List.of(Fate.DUPLICATE, Fate.DROP)) >= 0
                    && java.util.Collections.indexOfSubList(fates, List.of(Fate.DELAY, Fate.DROP)) >= 0) {
                return seed;
            }
        }
    }

    private static String explainLost(int i, Fate fate, double rtt) {
        int n = i + 1;
        // its own reply cannot come back sooner than the delay (or the next ping): a quicker one answered another ping
        Fate cause = rtt < TIMEOUT_MS ? Fate.DROP : fate;
        return switch (cause) {
            case DROP -> say("ping " + n + (fate == Fate.DROP ? " never reached the server" : "'s own reply could not come back within "
                            + TIMEOUT_MS + " ms") + ", yet your pinger reports a reply after " + rtt + " ms: it took a reply"
                            + " to an earlier ping (a duplicate or a late one) for this ping's. A reply is this ping's only when"
                            + " its bytes are exactly the ping's \"PING " + n + " ...\"",
                    "第 " + n + " 次 ping " + (fate == Fate.DROP ? "根本没到服务端" : "自己的回复不可能在 " + TIMEOUT_MS + " 毫秒内回来")
                            + "，你的 pinger 却说 " + rtt + " 毫秒后收到了回复：它把之前某次 ping 的回复（重复的或迟到的）"
                            + "当成了这次的。只有字节与这次的 \"PING " + n + " ...\" 完全相同的回复才算数");
            case DELAY -> say("ping " + n + "'s reply came back after " + DELAY_MS + " ms, later than the timeout of "
                            + TIMEOUT_MS + " ms, yet it was counted: wait at most timeoutMillis after sending each ping",
                    "第 " + n + " 次 ping 的回复 " + DELAY_MS + " 毫秒后才回来，超过了 " + TIMEOUT_MS
                            + " 毫秒的超时，却被算作收到了：每次发送后最多只等 timeoutMillis");
            default -> say("ping " + n + " was held back until the next ping went out, long after its timeout, yet it was counted",
                    "第 " + n + " 次 ping 被扣到下一次 ping 发出时才转发，早已超时，却被算作收到了");
        };
    }

    @Test
    @Tag("points=3")
    void minAvgMaxAndLossComeFromTheRepliesOnly() throws Exception {
        try (PingServer server = new PingServer();
             UdpFaultProxy proxy = UdpFaultProxy.to(server.port()).seed(seedDroppingSome(UdpFaultProxy.to(0).loss(0.3)))
                     .loss(0.3).start()) {
            PingReport report = pingThrough(proxy, 10);
            List<Double> replies = report.rttMillis().stream().filter(Objects::nonNull).toList();
            long lost = proxy.dealt().stream().filter(f -> f == Fate.DROP).count();
            assertTrue(lost > 0 && replies.size() == 10 - lost, say("the proxy dropped " + lost + " of 10 pings; got round-trip times "
                    + report.rttMillis(), "代理丢掉了 10 次 ping 中的 " + lost + " 次；得到的往返时间是 " + report.rttMillis()) + "\n" + proxy.log());
            assertEquals(100.0 * lost / 10, report.lossPercent(), 1e-9, say(lost + " of 10 pings lost is " + (100.0 * lost / 10)
                    + "% (watch out for integer division: " + lost + " / 10 * 100 is 0 in int arithmetic)",
                    "10 次里丢了 " + lost + " 次，就是 " + (100.0 * lost / 10) + "%（小心整数除法：用 int 算 " + lost + " / 10 * 100 得 0）"));
            double min = replies.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = replies.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double avg = replies.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertEquals(min, report.minMillis(), 1e-9, say("min is the smallest round-trip time of the replies " + replies,
                    "min 是这些回复中最小的往返时间：" + replies));
            assertEquals(max, report.maxMillis(), 1e-9, say("max is the largest round-trip time of the replies " + replies,
                    "max 是这些回复中最大的往返时间：" + replies));
            assertEquals(avg, report.avgMillis(), 1e-9, say("avg is the mean of the replies' round-trip times " + replies
                            + ", lost pings left out (not counted as 0)",
                    "avg 是这些回复往返时间的平均值 " + replies + "，丢失的 ping 不算在内（不能当作 0）"));
        }
    }

    @Test
    @Tag("points=2")
    void whenEveryPingIsLostTheLossIs100AndThereAreNoTimes() throws Exception {
        try (PingServer server = new PingServer(); UdpFaultProxy proxy = UdpFaultProxy.to(server.port()).loss(1).start()) {
            PingReport report = pingThrough(proxy, 4);
            assertEquals(4, report.rttMillis().size(), say("one entry per ping, null for each lost one",
                    "每次 ping 一项，丢失的那项为 null"));
            assertTrue(report.rttMillis().stream().allMatch(Objects::isNull), say("every ping was dropped: " + report.rttMillis(),
                    "每次 ping 都被丢掉了：" + report.rttMillis()));
            assertEquals(100.0, report.lossPercent(), 1e-9);
            assertTrue(Double.isNaN(report.minMillis()) && Double.isNaN(report.avgMillis()) && Double.isNaN(report.maxMillis()),
                    say("with no reply, min, avg and max are NaN (there is nothing to measure), got " + report.summary(),
                            "一个回复都没有时，min、avg 和 max 都是 NaN（没有可测的东西），实际得到 " + report.summary()));
        }
    }
}
