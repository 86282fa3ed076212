package exercise.resilient_client;

import static io.socketlab.testkit.Say.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import exercise.resilient_client.ConnectResult.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(40)
class ResilientClientTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /**
     * Records every wait instead of sleeping; runs {@code onFirstWait} at the first one. A client
     * that waits more often than its policy has attempts keeps retrying: the sleeper then says so
     * ({@link #overrun}) and throws, which ends the learner's loop in the usual case.
     */
    static final class RecordingSleeper implements Sleeper {
        final List<Long> waits = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> overrun = new CompletableFuture<>();
        volatile int attempts = Integer.MAX_VALUE;
        private final IoAction onFirstWait;

        RecordingSleeper(IoAction onFirstWait) {
            this.onFirstWait = onFirstWait;
        }

        RecordingSleeper() {
            this(() -> { });
        }

        @Override
        public void sleep(long millis) {
            waits.add(millis);
            if (waits.size() > attempts) {
                // attempts - 1 waits are allowed; one after the last attempt is caught by the waits' own message
                overrun.complete(null);
                throw new IllegalStateException("stopped by the test: " + waits.size() + " waits for " + attempts + " attempts");
            }
            if (waits.size() == 1) {
                try {
                    onFirstWait.run();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    static int closedPort() throws IOException {
        try (ServerSocket briefly = new ServerSocket(0, 1, LOOPBACK)) {
            return briefly.getLocalPort();
        }
    }

    /** The learner's connect, given at most 15 s; a test failure that says why when it takes longer or keeps retrying. */
    static ConnectResult connectWithin(InetSocketAddress address, RetryPolicy policy, RecordingSleeper sleeper) throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "learner-connect");
            thread.setDaemon(true);
            return thread;
        });
        sleeper.attempts = policy.attempts();
        try {
            CompletableFuture<ConnectResult> result = new CompletableFuture<>();
            runner.execute(() -> {
                try {
                    result.complete(ResilientClient.connect(address, policy, sleeper));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
            try {
                CompletableFuture.anyOf(result, sleeper.overrun).get(15, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException notYetOrFailed) {
                // told apart below
            }
            if (sleeper.overrun.isDone() || (!result.isDone() && sleeper.waits.size() >= policy.attempts())) {
                throw new AssertionError(retriesForeverMessage(policy, sleeper.waits.size()));
            }
            if (!result.isDone()) {
                throw new AssertionError(say("connect did not return within 15 s although each of the " + policy.attempts()
                                + " attempts may wait only " + policy.connectTimeoutMillis() + " ms: pass the timeout to"
                                + " socket.connect(address, timeoutMillis); connect(address) alone waits as long as the system"
                                + " keeps resending the SYN (about two minutes on Linux)",
                        "每次尝试最多只能等 " + policy.connectTimeoutMillis() + " 毫秒，一共 " + policy.attempts()
                                + " 次，connect 却 15 秒都没有返回：把超时传给 socket.connect(address, timeoutMillis)；"
                                + "只写 connect(address) 的话，系统重发 SYN 多久它就等多久（Linux 上大约两分钟）"));
            }
            try {
                return result.get();
            } catch (ExecutionException failed) {
                throw new AssertionError(say("connect threw " + failed.getCause(), "connect 抛出了 " + failed.getCause()),
                        failed.getCause());
            }
        } finally {
            runner.shutdownNow();
        }
    }

    static String retriesForeverMessage(RetryPolicy policy, int waits) {
        return say("connect waited " + waits + " times and was still retrying, with a policy of " + policy.attempts()
                        + " attempts: try at most policy.attempts() times, wait only between two attempts (" + policy.attempts()
                        + " attempts, " + (policy.attempts() - 1) + (policy.attempts() == 2 ? " wait" : " waits") + "), stop after the last attempt and return how it failed."
                        + " A client that retries for ever hides the failure from its caller and hammers the server",
                "connect 已经等了 " + waits + " 次，还在重试，而策略只允许 " + policy.attempts() + " 次尝试：最多尝试 "
                        + "policy.attempts() 次，只在两次尝试之间等待（" + policy.attempts() + " 次尝试，" + (policy.attempts() - 1)
                        + " 次等待），最后一次尝试之后就停下，返回它失败的原因。永远重试的客户端把失败瞒着调用者，还不停地冲击服务端");
    }

    @Test
    @Tag("points=2")
    void connectsAtOnceWhenTheServerListens() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK)) {
            RecordingSleeper sleeper = new RecordingSleeper();
            ConnectResult result = connectWithin((InetSocketAddress) server.getLocalSocketAddress(), new RetryPolicy(3, 1000, 100, 1000), sleeper);
            try {
                assertEquals(Outcome.CONNECTED, result.outcome(), say("the server listens: connect should succeed",
                        "服务端在监听：connect 应该成功"));
                assertEquals(1, result.attempts(), say("it succeeded at the first attempt", "第一次尝试就成功了"));
                assertNotNull(result.socket(), say("a CONNECTED result carries the connected socket", "CONNECTED 的结果要带上已连接的套接字"));
                assertTrue(result.socket().isConnected() && result.socket().getPort() == server.getLocalPort(), say(
                        "the socket should be connected to the server's port " + server.getLocalPort(),
                        "套接字应该连接到服务端的端口 " + server.getLocalPort()));
                assertEquals(List.of(), sleeper.waits, say("no waiting before the first attempt", "第一次尝试之前不用等"));
            } finally {
                if (result.socket() != null) {
                    result.socket().close();
                }
            }
        }
    }

    @Test
    @Tag("points=3")
    void aRefusedConnectIsRetriedWithDoublingWaitsThenReportedAsRefused() throws Exception {
        int port = closedPort();
        RecordingSleeper sleeper = new RecordingSleeper();
        ConnectResult result = connectWithin(new InetSocketAddress(LOOPBACK, port), new RetryPolicy(4, 1000, 100, 1000), sleeper);
        assertEquals(Outcome.REFUSED, result.outcome(), say("nobody listens on port " + port + ": every attempt ends in"
                        + " ConnectException \"Connection refused\", so the result is REFUSED",
                "端口 " + port + " 上没有人监听：每次尝试都以 ConnectException \"Connection refused\" 结束，所以结果是 REFUSED"));
        assertEquals(4, result.attempts(), say("the policy allows 4 attempts: try them all", "策略允许尝试 4 次：都要试"));
        assertEquals(null, result.socket(), say("a failed result has no socket", "失败的结果不带套接字"));
        assertEquals(List.of(100L, 200L, 400L), sleeper.waits, waitsMessage(sleeper.waits));
    }

    static String waitsMessage(List<Long> waits) {
        return say("between 4 attempts come 3 waits, starting at 100 ms and doubling (100, 200, 400), none after the last"
                        + " attempt, each through the Sleeper given to connect (Thread.sleep cannot be seen by the test); got " + waits,
                "4 次尝试之间有 3 次等待，从 100 毫秒开始，每次翻倍（100、200、400），最后一次尝试之后不再等，"
                        + "而且每次都要通过传给 connect 的 Sleeper 来等（测试看不到 Thread.sleep）；实际是 " + waits);
    }

    @Test
    @Tag("points=3")
    void aConnectNobodyAnswersTimesOutAndIsReportedAsTimedOut() throws Exception {
        try (FullQueue full = new FullQueue()) {
            RecordingSleeper sleeper = new RecordingSleeper();
            ConnectResult result = connectWithin(full.address(), new RetryPolicy(2, 300, 50, 1000), sleeper);
            assertEquals(Outcome.TIMED_OUT, result.outcome(), say("the server's accept queue is full, so nobody answers the SYN:"
                            + " each attempt ends in SocketTimeoutException \"Connect timed out\" and the result is TIMED_OUT,"
                            + " not REFUSED (refused is a quick, explicit no: ConnectException)",
                    "服务端的全连接队列满了，没有人回应 SYN：每次尝试都以 SocketTimeoutException \"Connect timed out\" 结束，"
                            + "结果是 TIMED_OUT，而不是 REFUSED（被拒绝是一个又快又明确的“不”：ConnectException）"));
            assertEquals(2, result.attempts(), say("the policy allows 2 attempts", "策略允许尝试 2 次"));
            assertEquals(List.of(50L), sleeper.waits, say("one wait of 50 ms between the 2 attempts, through the Sleeper; got "
                    + sleeper.waits, "2 次尝试之间通过 Sleeper 等一次 50 毫秒；实际是 " + sleeper.waits));
        }
    }

    @Test
    @Tag("points=2")
    void aLaterAttemptCanSucceed() throws Exception {
        try (FullQueue full = new FullQueue()) {
            // the first attempt times out; while the client waits, the server empties its queue
            RecordingSleeper sleeper = new RecordingSleeper(full::drain);
            ConnectResult result = connectWithin(full.address(), new RetryPolicy(3, 300, 50, 1000), sleeper);
            try {
                assertEquals(Outcome.CONNECTED, result.outcome(), say("the first attempt timed out, then the server made room:"
                                + " the second attempt should connect",
                        "第一次尝试超时了，随后服务端腾出了位置：第二次尝试应该连上"));
                assertEquals(2, result.attempts(), say("connected at the second attempt", "第二次尝试时连上"));
                assertEquals(List.of(50L), sleeper.waits, say("one wait before the second attempt; got " + sleeper.waits,
                        "第二次尝试前等一次；实际是 " + sleeper.waits));
            } finally {
                if (result.socket() != null) {
                    result.socket().close();
                }
            }
        }
    }
}
