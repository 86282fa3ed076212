package io.socketlab.snippets;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte-stream facts of chapter 8, each in a named region that the
 * lesson includes. StreamFactsTest runs every region.
 */
final class StreamFacts {

    private StreamFacts() {
    }

    /** Writes "hello" and "world" with two writes. */
    static void twoWrites(Socket client) throws IOException {
        // region two-writes
        OutputStream out = client.getOutputStream();
        out.write("hello".getBytes(StandardCharsets.UTF_8));  // write 1
        out.write("world".getBytes(StandardCharsets.UTF_8));  // write 2
        // endregion
    }

    /** One read of up to 1024 bytes, as the receiver's recv(1024): returns what it brought. */
    static String readOnce(Socket conn) throws IOException {
        // region one-read
        byte[] buffer = new byte[1024];
        int n = conn.getInputStream().read(buffer);   // one recv(1024)
        String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
        // n is 10 and text is "helloworld": two writes, one read
        // endregion
        return text;
    }

    /** The bytes one length-prefixed frame of {@code text} puts on the wire. */
    static byte[] frameBytes(String text) throws IOException {
        // region frame-bytes
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(wire);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(body.length);                 // struct.pack('>I', len(body))
        out.write(body);
        // endregion
        return wire.toByteArray();
    }

    /** The bytes as space-separated lower-case hex pairs, as the demo trace shows them. */
    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(String.format("%02x", b & 0xff));
        }
        return text.toString();
    }

    /** Reads newline-terminated messages until the end of the stream. */
    static List<String> readLines(InputStream in) throws IOException {
        List<String> messages = new ArrayList<>();
        // region delimiter
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {   // the rest waits
            messages.add(line);
        }
        // endregion
        return messages;
    }

    /** Writes a file header (name, size) and then the file's bytes. */
    static void sendFile(DataOutputStream out, String name, byte[] content) throws IOException {
        // region send-file
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        out.writeInt(nameBytes.length);  // 4 bytes: the length of the name
        out.write(nameBytes);            // the name, real UTF-8
        out.writeLong(content.length);   // 8 bytes: the size of the body
        out.write(content);              // the body: as many bytes as announced
        out.flush();
        // endregion
    }

    /** A file received from the stream: its name and exactly its bytes. */
    record ReceivedFile(String name, byte[] content) {
    }

    /** Reads one header and body written by {@link #sendFile}; rejects sizes above {@code maxSize}. */
    static ReceivedFile receiveFile(DataInputStream in, long maxSize) throws IOException {
        // region receive-file
        int nameLength = in.readInt();
        if (nameLength < 0 || nameLength > 1024) {
            throw new IOException("name length " + nameLength + " outside 0..1024");
        }
        byte[] nameBytes = new byte[nameLength];  // 1 KiB at most: fine
        in.readFully(nameBytes);
        String name = new String(nameBytes, StandardCharsets.UTF_8);
        long size = in.readLong();
        if (size < 0 || size > maxSize) {
            throw new IOException("file size " + size + " outside 0.." + maxSize);
        }
        // readNBytes grows its buffer as bytes arrive: a lying size costs nothing
        byte[] content = in.readNBytes((int) size);
        if (content.length != size) {
            throw new IOException("file " + name + " ended after "
                    + content.length + " of " + size + " bytes");
        }
        // endregion
        return new ReceivedFile(name, content);
    }

    /** A 4-byte header read both ways. */
    record Header(int signed, long unsigned) {
    }

    /** The number a 4-byte big-endian header holds, as readInt (signed) and as struct's '>I' (unsigned). */
    static Header readHeader(byte[] header) throws IOException {
        // region read-int
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(header));
        int signed = in.readInt();                      // ff ff ff fe -> -2
        // 4294967294, as struct's '>I' reads it
        long unsigned = Integer.toUnsignedLong(signed);
        // endregion
        return new Header(signed, unsigned);
    }
}
