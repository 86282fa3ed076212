package io.socketlab.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.demo.phone.PhoneClient;
import io.socketlab.demo.trace.DatagramSocketFactory;
import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.demo.udp.UdpEchoClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

/** The article's Python halves talk to our Java halves (skipped when python3 is not on PATH). */
class PythonWireTest {
    private static boolean pythonAvailable() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void pythonClientTalksToOurLoopServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        RecordingOutput out = new RecordingOutput();
        try (var session = Demos.open("tcp-loop", out)) {
            session.start("127.0.0.1");
            int port = Integer.parseInt(out.awaitEvent(e -> e.call().equals("bind")).detail().replaceAll(".*:", ""));
            Process python = new ProcessBuilder("python3", "python/tcp_client.py", String.valueOf(port), "hello", "你好").start();
            try (BufferedReader replies = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("HELLO", replies.readLine());
                assertEquals("你好", replies.readLine());
            } finally {
                assertTrue(python.waitFor(10, TimeUnit.SECONDS));
                python.destroy();
            }
        }
    }

    @Test
    void ourPhoneClientTalksToThePythonServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        Process python = new ProcessBuilder("python3", "python/tcp_server.py").start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(lines.readLine().trim());
            assertEquals("HELLO", new PhoneClient(SocketFactory.getDefault()).call("127.0.0.1", port, "hello"));
        } finally {
            assertTrue(python.waitFor(10, TimeUnit.SECONDS));
            python.destroy();
        }
    }

    @Test
    void pythonUdpClientGetsUpperCasedRepliesFromOurUdpEchoServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        RecordingOutput out = new RecordingOutput();
        try (var session = Demos.open("udp-echo", out)) {
            session.start("127.0.0.1");
            TraceEvent bind = out.awaitEvent(e -> e.side() == Side.SERVER && e.call().equals("bind"));
            int port = Integer.parseInt(bind.detail().replaceAll(".*:", ""));
            Process python = new ProcessBuilder("python3", "python/udp_client.py", String.valueOf(port), "datagram", "señal").start();
            try (BufferedReader replies = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("DATAGRAM", replies.readLine());
                assertEquals("SEÑAL", replies.readLine());
            } finally {
                assertTrue(python.waitFor(10, TimeUnit.SECONDS));
                python.destroy();
            }
            assertEquals(0, python.exitValue());
        }
    }

    @Test
    void ourUdpClientTalksToThePythonUdpServer() throws Exception {
        assumeTrue(pythonAvailable(), "python3 not on PATH");
        Process python = new ProcessBuilder("python3", "python/udp_server.py", "2").start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(lines.readLine().trim());
            try (UdpEchoClient client = new UdpEchoClient(DatagramSocketFactory.PLAIN, "127.0.0.1", port)) {
                assertEquals("HELLO", client.say("hello"));
                assertEquals("你好 UDP", client.say("你好 udp"));
            }
        } finally {
            assertTrue(python.waitFor(10, TimeUnit.SECONDS));
            python.destroy();
        }
        assertEquals(0, python.exitValue(), "the Python server answered both datagrams and exited");
    }
}
