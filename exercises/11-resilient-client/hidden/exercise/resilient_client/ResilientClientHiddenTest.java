package exercise.resilient_client;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exercise.resilient_client.ConnectResult.Outcome;
import exercise.resilient_client.ResilientClientTest.RecordingSleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(40)
class ResilientClientHiddenTest {
    @Test
    @Tag("points=2")
    void theWaitNeverGrowsBeyondTheMaximum() throws Exception {
        int port = ResilientClientTest.closedPort();
        RecordingSleeper sleeper = new RecordingSleeper();
        ConnectResult result = ResilientClientTest.connectWithin(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                new RetryPolicy(6, 1000, 100, 500), sleeper);
        assertEquals(Outcome.REFUSED, result.outcome());
        assertEquals(6, result.attempts());
        assertEquals(List.of(100L, 200L, 400L, 500L, 500L), sleeper.waits, say(
                "waits double from 100 ms but never exceed maxDelayMillis, 500: expected 100, 200, 400, 500, 500; got " + sleeper.waits,
                "等待从 100 毫秒开始翻倍，但不能超过 maxDelayMillis（500）：应为 100、200、400、500、500；实际是 " + sleeper.waits));
    }

    @Test
    @Tag("points=1")
    void anUnknownHostIsThrownAtOnceNotRetried() {
        RecordingSleeper sleeper = new RecordingSleeper();
        // an unresolved address: connect throws UnknownHostException, which no retry can mend
        InetSocketAddress nowhere = InetSocketAddress.createUnresolved("no-such-host.invalid", 80);
        IOException thrown = assertThrows(IOException.class, () -> ResilientClient.connect(nowhere, new RetryPolicy(3, 500, 50, 500), sleeper),
                say("an unknown host is not refused and does not time out: throw its IOException at once",
                        "未知主机既不是被拒绝也不是超时：立刻抛出它的 IOException"));
        assertTrue(thrown instanceof UnknownHostException, say("expected UnknownHostException, got " + thrown,
                "应为 UnknownHostException，实际是 " + thrown));
        assertEquals(List.of(), sleeper.waits, say("no waiting before giving up on an unknown host; got " + sleeper.waits,
                "遇到未知主机不必等待；实际等了 " + sleeper.waits));
    }
}
