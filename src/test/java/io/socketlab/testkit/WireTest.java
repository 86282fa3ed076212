package io.socketlab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The frames between the tests' JVM and the learner's: what goes in comes out, and a broken frame is refused. */
class WireTest {

    @Test
    void everyKindOfValueCrossesUnchangedAndFramesFollowEachOther() throws IOException {
        byte[] large = new byte[4 * 1024 * 1024 + 3];
        new Random(1).nextBytes(large);
        ByteBuffer buffer = ByteBuffer.wrap(large.clone());
        buffer.position(7).limit(1000);
        List<Object> values = Arrays.asList(null, true, false, 42, 7L, 1.5, 2.5f, (short) 3, (byte) 4, 'x', "héllo 你好",
                "chars".toCharArray(), large, List.of(1, "two"), Map.of("k", 9), new InetSocketAddress("127.0.0.1", 8080),
                Wire.Buffer.of(buffer), new Wire.Handle("socket", 5, "detail"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Wire.writeFrame(out, values);
        Wire.writeFrame(out, List.of("next"));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());

        List<Object> back = Wire.readFrame(in);
        assertEquals(values.size(), back.size());
        for (int i = 0; i < values.size(); i++) {
            Object sent = values.get(i);
            Object got = back.get(i);
            if (sent instanceof byte[] b) {
                assertArrayEquals(b, (byte[]) got);
            } else if (sent instanceof char[] c) {
                assertArrayEquals(c, (char[]) got);
            } else if (sent instanceof Wire.Buffer b) {
                Wire.Buffer g = (Wire.Buffer) got;
                assertArrayEquals(b.content(), g.content());
                assertEquals(List.of(7, 1000), List.of(g.position(), g.limit()));
            } else {
                assertEquals(sent, got, "value " + i);
            }
        }
        assertEquals(List.of("next"), Wire.readFrame(in));
        assertThrows(EOFException.class, () -> Wire.readFrame(in));
    }

    @Test
    void aValueThatCannotCrossWritesNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> Wire.writeFrame(out, List.of("fine", new Object())));
        assertThrows(IllegalArgumentException.class, () -> Wire.writeFrame(out, List.of(new byte[Wire.MAX_FRAME])));
        assertEquals(0, out.size());
    }

    @Test
    void aBrokenFrameIsRefusedAndTheBytesAfterAShortValueAreSkipped() throws IOException {
        // a frame larger than the bound, before any of it is read
        IOException huge = assertThrows(IOException.class, () -> Wire.readFrame(new ByteArrayInputStream(frame(Wire.MAX_FRAME + 1, new byte[0]))));
        assertTrue(huge.getMessage().contains("a frame of"), huge.getMessage());
        // a frame cut short
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        Wire.writeFrame(whole, List.of(new byte[100]));
        byte[] cut = Arrays.copyOf(whole.toByteArray(), whole.size() - 10);
        assertThrows(EOFException.class, () -> Wire.readFrame(new ByteArrayInputStream(cut)));
        // a value claiming more bytes than its frame holds ends at the frame, not in the next one
        ByteArrayInputStream in = handMadeThenAfter(data -> {
            data.writeInt(1);
            data.writeByte(7); // bytes
            data.writeInt(1000);
            data.write(new byte[10]);
        });
        assertThrows(EOFException.class, () -> Wire.readFrame(in));
        // a frame whose values use less than its size: the rest is passed over
        ByteArrayInputStream again = handMadeThenAfter(data -> {
            data.writeInt(1);
            data.writeByte(3); // int
            data.writeInt(5);
            data.write(new byte[20]);
        });
        assertEquals(List.of(5), Wire.readFrame(again));
        assertEquals(List.of("after"), Wire.readFrame(again));
    }

    /** Writes the values of a hand-made frame. */
    private interface Body {
        void write(DataOutputStream data) throws IOException;
    }

    /** A frame of the body's bytes, as a broken peer might send it, then a frame {@code ["after"]} written by Wire. */
    private static ByteArrayInputStream handMadeThenAfter(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.write(new DataOutputStream(bytes));
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        two.write(frame(bytes.size(), bytes.toByteArray()));
        Wire.writeFrame(two, List.of("after"));
        return new ByteArrayInputStream(two.toByteArray());
    }

    private static byte[] frame(int size, byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(size);
        data.write(body);
        return out.toByteArray();
    }
}
