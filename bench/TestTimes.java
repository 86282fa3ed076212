import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** bench/test-times.sh: runs one test class in this JVM and prints, per test: wall time, the JVM's CPU time, and the CPU time of the thread named by argument 2. */
public class TestTimes {
    public static void main(String[] args) throws Exception {
        Class<?> tests = Class.forName(args[0]);
        String serverThread = args.length > 1 ? args[1] : "";
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> serverCpu = new ConcurrentHashMap<>();
        Thread sampler = new Thread(() -> {
            while (true) {
                for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                    if (info != null && info.getThreadName().equals(serverThread)) {
                        long cpu = threads.getThreadCpuTime(info.getThreadId());
                        if (cpu > 0) serverCpu.put(info.getThreadId(), cpu);
                    }
                }
                try { Thread.sleep(5); } catch (InterruptedException e) { return; }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long[] start = new long[2];
        TestExecutionListener listener = new TestExecutionListener() {
            @Override public void executionStarted(TestIdentifier id) {
                if (id.isTest()) { serverCpu.clear(); start[0] = System.nanoTime(); start[1] = os.getProcessCpuTime(); }
            }
            @Override public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) return;
                long wall = System.nanoTime() - start[0];
                long cpu = os.getProcessCpuTime() - start[1];
                long server = serverCpu.values().stream().mapToLong(Long::longValue).sum();
                System.out.printf("%-55s %-10s wall %6d ms  JVM CPU %6d ms  server thread CPU %5d ms (sampled every 5 ms)%n",
                        id.getDisplayName(), result.getStatus(), wall / 1_000_000, cpu / 1_000_000, server / 1_000_000);
            }
        };
        var launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(tests)).build(), listener);
    }
}
