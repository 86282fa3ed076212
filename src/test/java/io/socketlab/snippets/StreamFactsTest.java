package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.demo.framed.LengthPrefixFraming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the regions of StreamFacts, on loopback or on in-memory streams. */
class StreamFactsTest {

    /** Hands out at most one byte per read: the worst split TCP is allowed to make. */
    private static final class OneByteAtATime extends InputStream {
        private final InputStream source;

        OneByteAtATime(byte[] bytes) {
            source = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            return source.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return source.read(b, off, Math.min(len, 1));
        }
    }

    @Test
    void oneReadReturnsTwoWritesThatHaveBothArrived() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            server.setSoTimeout(5000);
            try (Socket client = new Socket()) {
                client.connect(server.getLocalSocketAddress(), 5000);
                try (Socket conn = server.accept()) {
                    conn.setSoTimeout(5000);
                    StreamFacts.twoWrites(client);
                    // a receiver busy elsewhere: both writes are in its buffer before it reads
                    Loopback.awaitAvailable(conn.getInputStream(), 10);
                    assertEquals("helloworld", StreamFacts.readOnce(conn));
                }
            }
        }
    }

    @Test
    void aFrameIsFourBigEndianLengthBytesThenTheBody() throws Exception {
        assertEquals("00 00 00 05 68 65 6c 6c 6f", StreamFacts.hex(StreamFacts.frameBytes("hello")));
    }

    @Test
    void aChineseFrameCountsBytesNotCharacters() throws Exception {
        assertEquals("00 00 00 06 e4 bd a0 e5 a5 bd", StreamFacts.hex(StreamFacts.frameBytes("你好")));
    }

    @Test
    void framesMergedInOneBufferComeApartAgain() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(StreamFacts.frameBytes("hello"));
        wire.write(StreamFacts.frameBytes("world"));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire.toByteArray()));
        assertEquals("hello", new String(LengthPrefixFraming.read(in, 1024), StandardCharsets.UTF_8));
        assertEquals("world", new String(LengthPrefixFraming.read(in, 1024), StandardCharsets.UTF_8));
    }

    @Test
    void aFrameSplitIntoOneByteReadsIsStillWhole() throws Exception {
        DataInputStream in = new DataInputStream(new OneByteAtATime(StreamFacts.frameBytes("hello, world")));
        assertEquals("hello, world", new String(LengthPrefixFraming.read(in, 1024), StandardCharsets.UTF_8));
    }

    @Test
    void linesSplitAnywhereAreReassembledAtTheNewlines() throws Exception {
        byte[] wire = "dir\nwhoami\ndate\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("dir", "whoami", "date"), StreamFacts.readLines(new OneByteAtATime(wire)));
    }

    @Test
    void aFileArrivesWithItsNameAndExactlyItsBytes() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] content = "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8);
        StreamFacts.sendFile(new DataOutputStream(wire), "notes.txt", content);
        wire.write("next".getBytes(StandardCharsets.UTF_8));
        StreamFacts.ReceivedFile file = StreamFacts.receiveFile(
                new DataInputStream(new OneByteAtATime(wire.toByteArray())), 1 << 20);
        assertEquals("notes.txt", file.name());
        assertArrayEquals(content, file.content());
    }

    @Test
    void aFileSizeAboveTheLimitIsRefusedBeforeReading() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        StreamFacts.sendFile(new DataOutputStream(wire), "big.bin", new byte[2048]);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire.toByteArray()));
        IOException refused = assertThrows(IOException.class, () -> StreamFacts.receiveFile(in, 1024));
        assertEquals("file size 2048 outside 0..1024", refused.getMessage());
    }

    @Test
    void aFileNameTravelsAsRealUtf8WithItsByteLength() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        StreamFacts.sendFile(new DataOutputStream(wire), "笔记.txt", new byte[0]);
        assertEquals("00 00 00 0a e7 ac 94 e8 ae b0 2e 74 78 74 00 00 00 00 00 00 00 00",
                StreamFacts.hex(wire.toByteArray()));
    }

    @Test
    void readIntIsSignedWhereStructsBigIIsUnsigned() throws Exception {
        byte[] header = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe};
        assertEquals(new StreamFacts.Header(-2, 4_294_967_294L), StreamFacts.readHeader(header));
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        assertEquals("4294967294", PythonRunner.run("import struct; print(struct.unpack('>I', bytes.fromhex('fffffffe'))[0])"));
    }

    @Test
    void structPackBigIWritesWhatWriteIntWrites() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        assertEquals("0000012c", PythonRunner.run("import struct; print(struct.pack('>I', 300).hex())"));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new DataOutputStream(wire).writeInt(300);
        assertEquals("00 00 01 2c", StreamFacts.hex(wire.toByteArray()));
    }

    @Test
    void structPackNativeIIsLittleEndianOnX86AndReadIntMisreadsIt() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        assumeTrue(PythonRunner.run("import sys; print(sys.byteorder)").equals("little"), "not a little-endian machine");
        assertEquals("05000000", PythonRunner.run("import struct; print(struct.pack('i', 5).hex())"));
        assertEquals(83_886_080, StreamFacts.readHeader(new byte[] {5, 0, 0, 0}).signed());
    }

    @Test
    void structPackNativeIOf300IsLittleEndianOnX86() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        assumeTrue(PythonRunner.run("import sys; print(sys.byteorder)").equals("little"), "not a little-endian machine");
        assertEquals("2c010000", PythonRunner.run("import struct; print(struct.pack('i', 300).hex())"));
    }

    @Test
    void structsBangMeansTheSameAsGreaterThan() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        assertEquals("True", PythonRunner.run("import struct; print(struct.pack('!I', 5) == struct.pack('>I', 5))"));
    }

    @Test
    void thePythonFrameOfTheLessonIsTheJavaFrame() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        String python = PythonRunner.run(String.join("\n",
                "import struct",
                "HEADER = struct.Struct('>I')",
                "print((HEADER.pack(len('你好'.encode('utf-8'))) + '你好'.encode('utf-8')).hex())"));
        assertEquals(StreamFacts.hex(StreamFacts.frameBytes("你好")).replace(" ", ""), python);
    }
}
