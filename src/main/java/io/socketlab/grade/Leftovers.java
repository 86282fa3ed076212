package io.socketlab.grade;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;

/**
 * What learner code may leave behind in a warm test JVM: threads still running and files still open,
 * looked for after each run so that a JVM is used again only when it is as it was.
 */
final class Leftovers {
    private static final long LEFTOVER_GRACE_NANOS = 200_000_000L;
    /**
     * Files the course's tests may leave open in a warm JVM that grades apart (where no learner
     * code runs in it) before it is replaced: exercise 12's HttpClient leaves about six a run,
     * and a JVM that ran out of files would fail a later student's tests.
     */
    static final int APART_FILES_SLACK = 128;

    private Leftovers() {
    }

    /**
     * True when every thread started during the runs so far has ended, waiting briefly for those
     * that are finishing. JUnit's own timeout watcher and the JDK's pool workers do not count.
     */
    static boolean noThreadLeft(Set<Thread> base) throws InterruptedException {
        long deadline = System.nanoTime() + LEFTOVER_GRACE_NANOS;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (base.contains(t) || t == Thread.currentThread() || ignorable(t)) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                t.join(left);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private static boolean ignorable(Thread t) {
        String name = t.getName();
        // not junit-timeout-thread-N: one left alive is a test that ran past its @Timeout, still looping
        boolean junit = name.startsWith("junit-") && !name.startsWith("junit-timeout-thread-");
        // the JDK's HttpClient keeps its selector thread until the client is collected, and its
        // pool's threads for an idle minute: a test that made a client (exercise 12's) leaves them
        boolean httpClient = name.startsWith("HttpClient-");
        // Processes' one starting thread lives as long as the JVM, from its first start on
        boolean starter = name.equals("socketlab-process-starter");
        return t.isDaemon() && (junit || httpClient || starter || name.startsWith("ForkJoinPool.commonPool-")
                || name.equals("Common-Cleaner") || name.equals("process reaper") || name.equals("Attach Listener"));
    }

    /**
     * Uses TCP and UDP once on 127.0.0.1, so the files the JDK opens for good on first use of the
     * network (NIO keeps a socket for closing sockets asynchronously) are counted in the baseline.
     */
    static void openNetworking() throws java.io.IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket listening = new ServerSocket(0, 1, loopback);
             Socket client = new Socket(loopback, listening.getLocalPort());
             Socket accepted = listening.accept();
             DatagramSocket udp = new DatagramSocket(0, loopback)) {
            client.getOutputStream().write(1);
            accepted.getInputStream().read();
            udp.getLocalPort();
        }
    }

    /** Open file descriptors of this process, or 0 where the system does not list them. */
    static int openFiles() {
        String[] fds = new File("/dev/fd").list();
        return fds == null ? 0 : fds.length;
    }

}
