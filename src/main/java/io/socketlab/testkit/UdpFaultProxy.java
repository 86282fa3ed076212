package io.socketlab.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A UDP proxy on 127.0.0.1 that does to datagrams what real networks do, deterministically: each
 * datagram from the client gets one {@link Fate}, drawn from a {@link Random} with a fixed seed in
 * arrival order, so the same seed gives the same faults on every run. Replies from the target go
 * back to the client's address unchanged. What ChunkingProxy is to TCP streams.
 */
public final class UdpFaultProxy implements AutoCloseable {
    /** What the proxy does with one datagram from the client. */
    public enum Fate {
        /** Forwarded at once. */
        PASS,
        /** Never forwarded. */
        DROP,
        /** Forwarded twice. */
        DUPLICATE,
        /** Forwarded after the builder's delay. */
        DELAY,
        /** Held back and forwarded just after the client's next datagram (never, if none comes). */
        REORDER
    }

    /** The fault probabilities and the seed; {@link #start()} makes the proxy. */
    public static final class Builder {
        private final int targetPort;
        private long seed;
        private double loss;
        private double duplicate;
        private double delay;
        private int delayMillis;
        private double reorder;

        private Builder(int targetPort) {
            this.targetPort = targetPort;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The probability that a datagram is dropped. */
        public Builder loss(double probability) {
            this.loss = probability;
            return this;
        }

        /** The probability that a datagram is delivered twice. */
        public Builder duplicate(double probability) {
            this.duplicate = probability;
            return this;
        }

        /** The probability that a datagram is held for {@code millis} before it is forwarded. */
        public Builder delay(double probability, int millis) {
            this.delay = probability;
            this.delayMillis = millis;
            return this;
        }

        /** The probability that a datagram is overtaken by the next one. */
        public Builder reorder(double probability) {
            this.reorder = probability;
            return this;
        }

        /** The fates of the first {@code count} datagrams, as a proxy built now would deal them. */
        public List<Fate> fates(int count) {
            Random random = new Random(seed);
            List<Fate> fates = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                fates.add(draw(random));
            }
            return fates;
        }

        private Fate draw(Random random) {
            double r = random.nextDouble();
            if ((r -= loss) < 0) {
                return Fate.DROP;
            }
            if ((r -= duplicate) < 0) {
                return Fate.DUPLICATE;
            }
            if ((r -= delay) < 0) {
                return Fate.DELAY;
            }
            if ((r -= reorder) < 0) {
                return Fate.REORDER;
            }
            return Fate.PASS;
        }

        /** Binds the proxy to 127.0.0.1 on a free port and starts relaying. */
        public UdpFaultProxy start() throws IOException {
            double total = loss + duplicate + delay + reorder;
            if (loss < 0 || duplicate < 0 || delay < 0 || reorder < 0 || total > 1) {
                throw new IllegalArgumentException("fault probabilities must be at least 0 and add up to at most 1, were loss "
                        + loss + ", duplicate " + duplicate + ", delay " + delay + ", reorder " + reorder);
            }
            if (delay > 0 && delayMillis < 1) {
                throw new IllegalArgumentException("a delay needs a duration of at least 1 ms, was " + delayMillis);
            }
            return new UdpFaultProxy(this);
        }
    }

    private final Builder settings;
    private final Random random;
    private final SocketAddress target;
    private final DatagramSocket front;
    private final DatagramSocket back;
    private final ScheduledExecutorService later;
    private final Thread fromClient;
    private final Thread fromTarget;
    private final List<String> log = new ArrayList<>();
    private final List<Fate> dealt = new ArrayList<>();
    private volatile SocketAddress client;
    private byte[] heldBack;
    private int heldNumber;

    private UdpFaultProxy(Builder settings) throws IOException {
        this.settings = settings;
        this.random = new Random(settings.seed);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.target = new InetSocketAddress(loopback, settings.targetPort);
        this.front = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.back = new DatagramSocket(new InetSocketAddress(loopback, 0));
        this.later = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "udp-fault-proxy-delay");
            thread.setDaemon(true);
            return thread;
        });
        this.fromClient = daemon(this::relayFromClient, "udp-fault-proxy-" + front.getLocalPort() + "-in");
        this.fromTarget = daemon(this::relayFromTarget, "udp-fault-proxy-" + front.getLocalPort() + "-out");
    }

    /** A proxy to the UDP server on 127.0.0.1:{@code targetPort}; no faults until some are set. */
    public static Builder to(int targetPort) {
        return new Builder(targetPort);
    }

    /** The port clients send to instead of the target's. */
    public int port() {
        return front.getLocalPort();
    }

    /** The fate of each client datagram so far, in arrival order. */
    public synchronized List<Fate> dealt() {
        return new ArrayList<>(dealt);
    }

    /** What the proxy did, one line per datagram, ready for a failure message. */
    public synchronized String log() {
        return String.join("\n", log);
    }

    private void relayFromClient() {
        byte[] buffer = new byte[65_535];
        while (!front.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                front.receive(packet);
            } catch (IOException closed) {
                return;
            }
            client = packet.getSocketAddress();
            handle(Arrays.copyOfRange(packet.getData(), packet.getOffset(), packet.getOffset() + packet.getLength()));
        }
    }

    private synchronized void handle(byte[] datagram) {
        Fate fate = settings.draw(random);
        dealt.add(fate);
        int number = dealt.size();
        String shown = Say.quote(new String(datagram, java.nio.charset.StandardCharsets.UTF_8));
        byte[] overtaken = heldBack;
        int overtakenNumber = heldNumber;
        heldBack = null;
        switch (fate) {
            case PASS -> {
                forward(datagram);
                log.add(Say.text("udpproxy.passed", number, shown));
            }
            case DROP -> log.add(Say.text("udpproxy.dropped", number, shown));
            case DUPLICATE -> {
                forward(datagram);
                forward(datagram);
                log.add(Say.text("udpproxy.duplicated", number, shown));
            }
            case DELAY -> {
                later.schedule(() -> forward(datagram), settings.delayMillis, TimeUnit.MILLISECONDS);
                log.add(Say.text("udpproxy.delayed", number, shown, settings.delayMillis));
            }
            case REORDER -> {
                heldBack = datagram;
                heldNumber = number;
                log.add(Say.text("udpproxy.held", number, shown));
            }
        }
        if (overtaken != null) {
            forward(overtaken);
            log.add(Say.text("udpproxy.released", overtakenNumber, number));
        }
    }

    private void forward(byte[] datagram) {
        try {
            back.send(new DatagramPacket(datagram, datagram.length, target));
        } catch (IOException closed) {
            // the proxy is closing: the datagram is lost, as it would be on a network going down
        }
    }

    private void relayFromTarget() {
        byte[] buffer = new byte[65_535];
        while (!back.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                back.receive(packet);
                SocketAddress to = client;
                if (to != null) {
                    front.send(new DatagramPacket(packet.getData(), packet.getOffset(), packet.getLength(), to));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException unreachable) {
                // the client has gone (ICMP port unreachable): keep relaying for the next one
            }
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Stops relaying; datagrams still delayed or held back are dropped. Waits for the proxy's threads. */
    @Override
    public void close() throws InterruptedException {
        later.shutdownNow();
        front.close();
        back.close();
        fromClient.join(2000);
        fromTarget.join(2000);
        later.awaitTermination(2, TimeUnit.SECONDS);
    }
}
