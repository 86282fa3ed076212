package io.socketlab.snippets;

import java.io.BufferedReader;
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

    /** Writes "hello" and "world" with two writes, then says it will send no more. */
    static void twoWrites(Socket client) throws IOException {
        // region two-writes
        OutputStream out = client.getOutputStream();
        out.write("hello".getBytes(StandardCharsets.UTF_8));  // write 1
        out.write("world".getBytes(StandardCharsets.UTF_8));  // write 2
        client.shutdownOutput();             // no more: the reader sees the end
        // endregion
    }

    /** Reads everything the peer sent until it shut its output down. */
    static String readToEnd(Socket conn) throws IOException {
        // region read-to-end
        byte[] all = conn.getInputStream().readAllBytes();
        String text = new String(all, StandardCharsets.UTF_8);  // "helloworld"
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
        out.writeUTF(name);              // 2-byte length, then the name (UTF-8)
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
        String name = in.readUTF();
        long size = in.readLong();
        if (size < 0 || size > maxSize) {
            throw new IOException("file size " + size + " outside 0.." + maxSize);
        }
        byte[] content = in.readNBytes((int) size);   // exactly size bytes
        if (content.length != size) {
            throw new IOException("file " + name + " ended after "
                    + content.length + " of " + size + " bytes");
        }
        // endregion
        return new ReceivedFile(name, content);
    }
}
