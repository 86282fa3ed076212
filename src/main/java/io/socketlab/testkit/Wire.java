package io.socketlab.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values that cross between the tests' JVM and the learner's: frames of at most
 * {@link #MAX_FRAME} bytes, each a list of values of a few plain kinds (no Java serialization,
 * so nothing the learner's side sends can make the tests' side build objects of its choosing).
 * A reference to an object that stays on one side travels as a {@link Handle}.
 */
final class Wire {
    /** A frame larger than this is a broken peer, not a value: reading stays within bounded memory. */
    static final int MAX_FRAME = 16 * 1024 * 1024;
    private static final int MAX_DEPTH = 16;

    private static final byte NULL = 0, TRUE = 1, FALSE = 2, INT = 3, LONG = 4, DOUBLE = 5, STRING = 6, BYTES = 7,
            LIST = 8, MAP = 9, ADDRESS = 10, BUFFER = 11, HANDLE = 12, THROWN = 13, FLOAT = 14, SHORT = 15, BYTE = 16,
            CHAR = 17, CHARS = 18;

    private Wire() {
    }

    /** An object living on the side that sent it: sockets, streams, a learner's object. */
    record Handle(String kind, long id, String detail) {
    }

    /** An exception as it crosses: its class name, message, stack and cause (or null). */
    record Thrown(String type, String message, StackTraceElement[] stack, Thrown cause) {
        static Thrown of(Throwable t) {
            return of(t, 0);
        }

        private static Thrown of(Throwable t, int depth) {
            Throwable cause = t.getCause();
            return new Thrown(t.getClass().getName(), t.getMessage(), t.getStackTrace(),
                    cause == null || cause == t || depth >= 8 ? null : of(cause, depth + 1));
        }
    }

    /** The position, limit and contents of a {@link ByteBuffer} passed by value. */
    record Buffer(byte[] content, int position, int limit) {
        static Buffer of(ByteBuffer buffer) {
            byte[] content = new byte[buffer.capacity()];
            ByteBuffer copy = buffer.duplicate();
            copy.clear();
            copy.get(content);
            return new Buffer(content, buffer.position(), buffer.limit());
        }

        ByteBuffer toByteBuffer() {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            buffer.limit(limit);
            buffer.position(position);
            return buffer;
        }

        /** Puts this state back into {@code target}, the buffer that was passed. */
        void copyInto(ByteBuffer target) {
            if (!target.isReadOnly()) {
                ByteBuffer whole = target.duplicate();
                whole.clear();
                whole.put(content, 0, Math.min(content.length, whole.capacity()));
            }
            target.limit(Math.min(limit, target.capacity()));
            target.position(Math.min(position, target.limit()));
        }
    }

    /**
     * Writes {@code values} as one frame. Their size is counted first and the values are then
     * written straight to {@code out}: a 4 MiB value is not gathered in a growing array first, for
     * fresh memory is slow to touch (on this project's machine about as slow as the copy itself).
     */
    static void writeFrame(OutputStream out, List<?> values) throws IOException {
        Counter counter = new Counter();
        DataOutputStream sizing = new DataOutputStream(counter);
        sizing.writeInt(values.size());
        for (Object value : values) {
            write(sizing, value, 0);
        }
        if (counter.count > MAX_FRAME) {
            throw new IllegalArgumentException("a value of " + counter.count + " bytes is too large to pass between the JVMs");
        }
        synchronized (out) {
            DataOutputStream frame = new DataOutputStream(new BufferedOutputStream(out, (int) Math.min(counter.count + 4, STAGING)));
            frame.writeInt((int) counter.count);
            frame.writeInt(values.size());
            for (Object value : values) {
                write(frame, value, 0);
            }
            frame.flush();
        }
    }

    /** The next frame's values; {@link EOFException} at the end of the stream. */
    static List<Object> readFrame(InputStream in) throws IOException {
        DataInputStream header = new DataInputStream(in);
        int size = header.readInt();
        if (size < 0 || size > MAX_FRAME) {
            throw new IOException("a frame of " + size + " bytes");
        }
        Bounded frame = new Bounded(in, size);
        DataInputStream data = new DataInputStream(new BufferedInputStream(frame, Math.max(1, Math.min(size, STAGING))));
        int count = data.readInt();
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(read(data, 0));
        }
        // what the values did not use is passed over: the next frame starts after it
        frame.skipRest();
        return values;
    }

    /**
     * The buffer a frame is written and read through: small values gather in it, a larger one
     * (bytes, a buffer's content) goes past it straight to the stream or into its array.
     */
    private static final int STAGING = 8 * 1024;

    /** Counts what is written to it, and keeps nothing. */
    private static final class Counter extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** The next {@code left} bytes of a stream, then its end: a frame's values cannot read past the frame. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException();
            }
            left -= n;
            return n;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[(int) Math.min(left, 8192)];
            while (left > 0) {
                read(sink, 0, (int) Math.min(sink.length, left));
            }
        }
    }

    /** @throws IllegalArgumentException for a value that cannot cross (too deep, of another kind) */
    private static void write(DataOutputStream out, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("a value nested more than " + MAX_DEPTH + " deep");
        }
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (value instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (value instanceof Character c) {
            out.writeByte(CHAR);
            out.writeChar(c);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof byte[] b) {
            out.writeByte(BYTES);
            out.writeInt(b.length);
            out.write(b);
        } else if (value instanceof char[] c) {
            out.writeByte(CHARS);
            writeString(out, new String(c));
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                write(out, item, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                write(out, e.getKey(), depth + 1);
                write(out, e.getValue(), depth + 1);
            }
        } else if (value instanceof InetSocketAddress a) {
            out.writeByte(ADDRESS);
            writeString(out, a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString());
            out.writeBoolean(a.getAddress() != null);
            out.writeInt(a.getPort());
        } else if (value instanceof Buffer b) {
            out.writeByte(BUFFER);
            out.writeInt(b.content().length);
            out.write(b.content());
            out.writeInt(b.position());
            out.writeInt(b.limit());
        } else if (value instanceof Handle h) {
            out.writeByte(HANDLE);
            writeString(out, h.kind());
            out.writeLong(h.id());
            writeString(out, h.detail());
        } else if (value instanceof Thrown t) {
            out.writeByte(THROWN);
            writeString(out, t.type());
            write(out, t.message(), depth + 1);
            out.writeInt(Math.min(t.stack().length, 256));
            for (int i = 0; i < Math.min(t.stack().length, 256); i++) {
                StackTraceElement frame = t.stack()[i];
                writeString(out, frame.getClassName());
                writeString(out, frame.getMethodName());
                write(out, frame.getFileName(), depth + 1);
                out.writeInt(frame.getLineNumber());
            }
            write(out, t.cause(), depth + 1);
        } else {
            throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot pass between the JVMs");
        }
    }

    private static Object read(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("a value nested more than " + MAX_DEPTH + " deep");
        }
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case TRUE:
                return true;
            case FALSE:
                return false;
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case FLOAT:
                return in.readFloat();
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case CHAR:
                return in.readChar();
            case STRING:
                return readString(in);
            case CHARS:
                return readString(in).toCharArray();
            case BYTES:
                return readBytes(in);
            case LIST: {
                int size = count(in);
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    list.add(read(in, depth + 1));
                }
                return list;
            }
            case MAP: {
                int size = count(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(read(in, depth + 1), read(in, depth + 1));
                }
                return map;
            }
            case ADDRESS: {
                String host = readString(in);
                boolean literal = in.readBoolean();
                int port = in.readInt();
                if (port < 0 || port > 65535) {
                    throw new IOException("port " + port);
                }
                // a literal address is never looked up: the sandbox has no name service anyway
                return literal ? new InetSocketAddress(InetAddress.getByName(literalOnly(host)), port)
                        : InetSocketAddress.createUnresolved(host, port);
            }
            case BUFFER: {
                byte[] content = readBytes(in);
                int position = in.readInt();
                int limit = in.readInt();
                if (limit < 0 || limit > content.length || position < 0 || position > limit) {
                    throw new IOException("a buffer's position " + position + " and limit " + limit);
                }
                return new Buffer(content, position, limit);
            }
            case HANDLE:
                return new Handle(readString(in), in.readLong(), readString(in));
            case THROWN: {
                String type = readString(in);
                Object message = read(in, depth + 1);
                int frames = count(in);
                StackTraceElement[] stack = new StackTraceElement[frames];
                for (int i = 0; i < frames; i++) {
                    String cls = readString(in);
                    String method = readString(in);
                    Object file = read(in, depth + 1);
                    stack[i] = new StackTraceElement(cls, method, file instanceof String s ? s : null, in.readInt());
                }
                Object cause = read(in, depth + 1);
                return new Thrown(type, message instanceof String s ? s : null, stack, cause instanceof Thrown c ? c : null);
            }
            default:
                throw new IOException("an unknown value kind " + tag);
        }
    }

    private static String literalOnly(String host) throws IOException {
        if (!host.matches("[0-9a-fA-F.:%]+")) {
            throw new IOException("not an address: " + host);
        }
        return host;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_FRAME) {
            throw new IOException("a count of " + n);
        }
        return n;
    }

    /** A count, then that many bytes; the count is at most a frame's size, so the array is bounded too. */
    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = count(in);
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
    }
}
