package io.socketlab.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class ChunkingProxyTest {

    @Test
    void splittingDeliversEveryByteInOrder() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChunkingProxy proxy = ChunkingProxy.splitting(target.getLocalPort(), 1);
             Socket sender = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            target.setSoTimeout(5000);
            sender.getOutputStream().write("one byte at a time".getBytes(StandardCharsets.UTF_8));
            sender.shutdownOutput();
            try (Socket receiver = target.accept()) {
                receiver.setSoTimeout(5000);
                assertEquals("one byte at a time", new String(receiver.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void mergingHoldsSeveralWritesAndDeliversThemTogether() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChunkingProxy proxy = ChunkingProxy.merging(target.getLocalPort());
             Socket sender = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            target.setSoTimeout(5000);
            sender.getOutputStream().write("first|".getBytes(StandardCharsets.UTF_8));
            sender.getOutputStream().write("second".getBytes(StandardCharsets.UTF_8));
            proxy.awaitHeld(12);
            try (Socket receiver = target.accept()) {
                receiver.setSoTimeout(5000);
                proxy.release();
                InputStream in = receiver.getInputStream();
                assertEquals("first|second", new String(in.readNBytes(12), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void resetMakesTheTargetSeeAnAbortedConnection() throws Exception {
        try (ServerSocket target = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ChunkingProxy proxy = ChunkingProxy.splitting(target.getLocalPort(), 4);
             Socket sender = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            target.setSoTimeout(5000);
            sender.getOutputStream().write("abcd".getBytes(StandardCharsets.UTF_8));
            try (Socket receiver = target.accept()) {
                receiver.setSoTimeout(5000);
                InputStream in = receiver.getInputStream();
                assertEquals("abcd", new String(in.readNBytes(4), StandardCharsets.UTF_8));
                proxy.reset();
                assertThrows(IOException.class, () -> in.read(), "a reset connection makes read throw, not return -1");
            }
        }
    }

    @Test
    void rejectsAPieceSizeBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> ChunkingProxy.splitting(1, 0));
    }
}
