package io.socketlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge listens on loopback, which every program of this machine can reach when there is no
 * sandbox: a connection that does not begin with the subject's token is not taken for the subject.
 */
@Timeout(60)
class BridgeTokenTest {
    /** Connects first with a wrong token and keeps that connection open, then runs the real host. */
    public static final class ImpostorFirst {
        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(args[1].substring(0, args[1].indexOf(':')));
            SocketChannel impostor = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            ByteBuffer wrong = ByteBuffer.allocate(Subject.TOKEN_BYTES);
            while (wrong.hasRemaining()) {
                impostor.write(wrong);
            }
            SubjectHost.main(args);
        }
    }

    @Test
    void aConnectionWithoutTheTokenIsNotTakenForTheSubject(@TempDir Path work) throws Exception {
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + classes,
                ImpostorFirst.class.getName(), classes.toString());
        Subject subject = Subject.open(command, work, new ByteArrayOutputStream());
        try {
            // answered by the real host: the impostor's connection, accepted first, would never answer
            assertEquals(42, Subject.call("java.lang.Integer", "parseInt", new String[] {"java.lang.String"}, null, "42"));
        } finally {
            subject.close();
        }
    }
}
