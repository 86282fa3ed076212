package io.socketlab.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.SocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The main class of the learner's process (the subject): it holds the learner's compiled classes
 * and nothing of the course, connects to the tests' JVM on the socket it is given, and runs the
 * calls that JVM sends, each on a thread of a group of its own. It never sees the tests, the run's
 * token or where the results go; what it can send back are the values its calls return.
 */
public final class SubjectHost {
    private final ClassLoader learner;
    private final Map<Long, Object> objects = new ConcurrentHashMap<>();
    private final Map<Long, Thread> calls = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private Peer peer;

    private SubjectHost(ClassLoader learner) {
        this.learner = learner;
    }

    /**
     * {@code CLASSES PORT:TOKEN}: the learner's compiled classes, the loopback port the tests' JVM
     * listens on and the token (hex) that this process sends first there.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--warmup")) {
            warmup();
            return;
        }
        int colon = args[1].indexOf(':');
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[1].substring(0, colon))));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ByteBuffer token = ByteBuffer.wrap(java.util.HexFormat.of().parseHex(args[1].substring(colon + 1)));
        while (token.hasRemaining()) {
            channel.write(token);
        }
        URLClassLoader learner = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, SubjectHost.class.getClassLoader());
        SubjectHost host = new SubjectHost(learner);
        CountDownLatch gone = new CountDownLatch(1);
        InputStream in = Subject.ChannelStreams.in(channel);
        host.peer = new Peer(new InputStream() {
            @Override
            public int read() throws IOException {
                return count(in.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return count(in.read(b, off, len));
            }

            private int count(int n) {
                if (n < 0) {
                    gone.countDown();
                }
                return n;
            }
        }, Subject.ChannelStreams.out(channel), host::serve, "subject-bridge");
        gone.await();
        // the tests' JVM is done with this process: threads the learner left cannot keep it alive
        Runtime.getRuntime().halt(0);
    }

    /**
     * Hidden ({@code --warmup}): what a typical run of the learner's process loads, for the start-up
     * archive the launcher records of it. Both ends of the bridge run here over loopback: the
     * requests the tests make, then the socket and stream classes a learner's client and server use.
     */
    private static void warmup() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress(loopback, 0));
            try (SocketChannel near = SocketChannel.open(listening.getLocalAddress()); SocketChannel far = listening.accept()) {
                near.setOption(StandardSocketOptions.TCP_NODELAY, true);
                // a class loader on a folder, as the learner's classes are loaded, looking for a class there
                Path folder = java.nio.file.Files.createTempDirectory("socketlab-subject-warmup");
                URLClassLoader classes = new URLClassLoader(new URL[] {folder.toUri().toURL()}, SubjectHost.class.getClassLoader());
                classes.getResource("exercise/Missing.class");
                java.nio.file.Files.delete(folder);
                new CountDownLatch(1).countDown();
                SubjectHost host = new SubjectHost(classes);
                host.peer = new Peer(Subject.ChannelStreams.in(far), Subject.ChannelStreams.out(far), host::serve, "subject-bridge");
                Peer tests = new Peer(Subject.ChannelStreams.in(near), Subject.ChannelStreams.out(near), (op, args) -> List.of(), "tests-bridge");
                try {
                    Wire.Handle server = (Wire.Handle) tests.call("server", 50).get(0);
                    tests.call("datagram");
                    tests.call("serverchannel", 50, 64 * 1024);
                    tests.call("call", 1L, "static", "java.lang.Integer", "parseInt", List.of("java.lang.String"), null, List.of("42"));
                    tests.call("threads", 1L, 0L);
                    tests.call("cpu", 1L);
                    tests.call("stack", 1L);
                    talk((ServerSocket) host.objects.get(server.id()));
                } finally {
                    tests.end("warmed up");
                    host.peer.end("warmed up");
                }
            }
        }
    }

    /** A line, then a length-prefixed frame, from a client to a server, as the exercises' code sends them. */
    private static void talk(ServerSocket server) throws IOException {
        try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort()); Socket accepted = server.accept()) {
            PrintWriter out = new PrintWriter(new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8), true);
            out.println("hello");
            new BufferedReader(new InputStreamReader(accepted.getInputStream(), StandardCharsets.UTF_8)).readLine();
            DataOutputStream frames = new DataOutputStream(new BufferedOutputStream(accepted.getOutputStream()));
            frames.writeInt(2);
            frames.write(new byte[] {1, 2});
            frames.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            in.readFully(new byte[in.readInt()]);
        } finally {
            server.close();
        }
    }

    private List<Object> serve(String op, List<Object> args) throws Throwable {
        List<Object> reply = new ArrayList<>();
        switch (op) {
            case "call" -> reply.addAll(call(args));
            case "server" -> {
                ServerSocket socket = new ServerSocket(0, (Integer) args.get(0), InetAddress.getLoopbackAddress());
                reply.add(keep("server", socket, String.valueOf(socket.getLocalPort())));
            }
            case "datagram" -> {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                reply.add(keep("datagram", socket, String.valueOf(socket.getLocalPort())));
            }
            case "socket" -> reply.add(socketOp((Wire.Handle) args.get(0), (String) args.get(1), args.size() > 2 ? args.get(2) : null));
            case "stack" -> {
                Thread thread = calls.get((Long) args.get(0));
                StackTraceElement[] stack = thread == null || !thread.isAlive() ? new StackTraceElement[0] : thread.getStackTrace();
                reply.add(new Wire.Thrown("stack", null, stack, null));
            }
            case "threads" -> reply.add(threadsLeft((Long) args.get(0), (Long) args.get(1)));
            case "serverchannel" -> {
                ServerSocketChannel channel = ServerSocketChannel.open();
                try {
                    channel.setOption(StandardSocketOptions.SO_RCVBUF, (Integer) args.get(1));
                    channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), (Integer) args.get(0));
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
                reply.add(keep("serverchannel", channel, String.valueOf(channel.socket().getLocalPort())));
            }
            case "interrupt" -> {
                Thread thread = calls.get((Long) args.get(0));
                if (thread != null) {
                    thread.interrupt();
                }
            }
            case "cpu" -> reply.add(cpuNanos((Long) args.get(0)));
            default -> throw new IOException("unknown request " + op);
        }
        return reply;
    }

    private Wire.Handle keep(String kind, Object object, String detail) {
        long id = ids.incrementAndGet();
        objects.put(id, object);
        return new Wire.Handle(kind, id, detail);
    }

    /** CPU time of call {@code id}'s thread and of the threads of its group still alive. */
    private long cpuNanos(long id) {
        Thread main = calls.get(id);
        if (main == null) {
            return 0;
        }
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = Math.max(0, bean.getThreadCpuTime(main.getId()));
        ThreadGroup group = main.getThreadGroup();
        if (group != null) {
            Thread[] all = new Thread[group.activeCount() + 8];
            int n = group.enumerate(all, true);
            for (int i = 0; i < n; i++) {
                if (all[i] != main) {
                    total += Math.max(0, bean.getThreadCpuTime(all[i].getId()));
                }
            }
        }
        return total;
    }

    private Object socketOp(Wire.Handle handle, String op, Object arg) throws IOException {
        Object socket = objects.get(handle.id());
        if (socket instanceof ServerSocketChannel c) {
            switch (op) {
                case "isClosed" -> {
                    return !c.isOpen();
                }
                case "close" -> {
                    c.close();
                    return null;
                }
                default -> throw new IOException(op + " on a listening channel");
            }
        }
        if (socket instanceof Socket c) {
            switch (op) {
                case "isClosed" -> {
                    return c.isClosed();
                }
                case "close" -> {
                    c.close();
                    return null;
                }
                default -> throw new IOException(op + " on a connected socket");
            }
        }
        if (socket instanceof ServerSocket s) {
            switch (op) {
                case "isClosed" -> {
                    return s.isClosed();
                }
                case "close" -> {
                    s.close();
                    return null;
                }
                default -> throw new IOException(op + " on a listening socket");
            }
        }
        if (socket instanceof DatagramSocket s) {
            switch (op) {
                case "isClosed" -> {
                    return s.isClosed();
                }
                case "close" -> {
                    s.close();
                    return null;
                }
                case "setSoTimeout" -> {
                    s.setSoTimeout((Integer) arg);
                    return null;
                }
                case "getSoTimeout" -> {
                    return s.getSoTimeout();
                }
                default -> throw new IOException(op + " on a UDP socket");
            }
        }
        throw new IOException("no socket " + handle.id());
    }

    /** Runs one call of the learner's code on a thread of its own group and waits for it. */
    private List<Object> call(List<Object> args) throws Throwable {
        long id = (Long) args.get(0);
        String kind = (String) args.get(1);
        String typeName = (String) args.get(2);
        String member = (String) args.get(3);
        List<?> paramNames = (List<?>) args.get(4);
        Object target = args.get(5) instanceof Wire.Handle h ? objects.get(h.id()) : null;
        List<?> values = (List<?>) args.get(6);
        Class<?> type = Class.forName(typeName, false, learner);
        Class<?>[] params = new Class<?>[paramNames.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = classOf(String.valueOf(paramNames.get(i)));
        }
        Executable executable;
        try {
            executable = kind.equals("new") ? type.getDeclaredConstructor(params) : type.getDeclaredMethod(member, params);
        } catch (NoSuchMethodException e) {
            throw new Missing(signature(type, kind.equals("new") ? type.getSimpleName() : member, params));
        }
        executable.setAccessible(true);
        Object[] passed = new Object[params.length];
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            passed[i] = imported(values.get(i), params[i]);
            buffers.add(passed[i] instanceof ByteBuffer b ? b : null);
        }
        Object[] outcome = new Object[2];
        ThreadGroup group = new ThreadGroup("learner-call-" + id);
        Thread thread = new Thread(group, () -> {
            try {
                outcome[0] = executable instanceof Constructor<?> c ? c.newInstance(passed) : ((Method) executable).invoke(target, passed);
            } catch (InvocationTargetException e) {
                outcome[1] = e.getCause();
            } catch (Throwable t) {
                outcome[1] = t;
            }
        }, "learner-call-" + id);
        thread.setContextClassLoader(learner);
        calls.put(id, thread);
        thread.start();
        thread.join();
        if (outcome[1] != null) {
            throw (Throwable) outcome[1];
        }
        List<Object> backs = new ArrayList<>();
        for (ByteBuffer b : buffers) {
            backs.add(b == null ? null : Wire.Buffer.of(b));
        }
        List<Object> reply = new ArrayList<>();
        reply.add(exported(outcome[0]));
        reply.add(backs);
        return reply;
    }

    /** A method of the starter the learner's class no longer has, as {@code PhoneServer.answerOneCall(ServerSocket)}. */
    static final class Missing extends Exception {
        Missing(String signature) {
            super(signature, null, false, false);
        }
    }

    private static String signature(Class<?> type, String member, Class<?>[] params) {
        List<String> names = new ArrayList<>();
        for (Class<?> p : params) {
            names.add(p.getSimpleName());
        }
        return type.getSimpleName() + "." + member + "(" + String.join(", ", names) + ")";
    }

    private Class<?> classOf(String name) throws ClassNotFoundException {
        return switch (name) {
            case "int" -> int.class;
            case "long" -> long.class;
            case "boolean" -> boolean.class;
            case "double" -> double.class;
            case "float" -> float.class;
            case "short" -> short.class;
            case "byte" -> byte.class;
            case "char" -> char.class;
            default -> Class.forName(name, false, learner);
        };
    }

    private Object imported(Object value, Class<?> declared) {
        if (Values.isCopy(value)) {
            return Values.in(value, learner);
        }
        if (value instanceof Wire.Handle h) {
            Callee to = new Callee(peer, h.id());
            return switch (h.kind()) {
                case "in" -> new CallbackInputStream(to);
                case "out" -> new CallbackOutputStream(to);
                case "reader" -> declared == Reader.class ? new CallbackReader(to) : new CallbackBufferedReader(to);
                case "writer" -> declared == Writer.class ? new CallbackWriter(to) : new LinePrintWriter(new CallbackWriter(to));
                case "channel" -> new CallbackChannel(to);
                case "callback" -> callbackProxy(h);
                default -> objects.get(h.id());
            };
        }
        if (value instanceof Wire.Buffer b) {
            return b.toByteBuffer();
        }
        return value;
    }

    private Object exported(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof byte[] || value instanceof char[]) {
            return value;
        }
        if (value instanceof InetSocketAddress) {
            return value;
        }
        Object crossing = Values.out(value);
        if (crossing != value) {
            return crossing;
        }
        if (value instanceof SocketAddress other) {
            throw new IllegalArgumentException("a " + other.getClass().getName() + " cannot pass to the tests");
        }
        if (value instanceof ByteBuffer b) {
            return Wire.Buffer.of(b);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(exported(k), exported(v)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            return new ArrayList<>(items.stream().map(this::exported).toList());
        }
        if (value instanceof ServerSocket s) {
            return keep("server", s, String.valueOf(s.getLocalPort()));
        }
        if (value instanceof ServerSocketChannel c) {
            return keep("serverchannel", c, String.valueOf(c.socket().getLocalPort()));
        }
        if (value instanceof Socket s) {
            return keep("socket", s, RemoteSocket.detail(s));
        }

        if (value instanceof DatagramSocket s) {
            return keep("datagram", s, String.valueOf(s.getLocalPort()));
        }
        if (value.getClass().getName().startsWith("exercise.")) {
            return keep("object", value, value.getClass().getName());
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot pass to the tests");
    }

    /** Waits at most {@code millis} for the threads call {@code id} started; the names of those still alive. */
    private List<Object> threadsLeft(long id, long millis) throws InterruptedException {
        Thread main = calls.get(id);
        List<Object> names = new ArrayList<>();
        if (main == null) {
            return names;
        }
        long deadline = System.nanoTime() + millis * 1_000_000;
        ThreadGroup group = main.getThreadGroup();
        while (true) {
            Thread[] all = new Thread[group == null ? 0 : group.activeCount() + 8];
            int n = group == null ? 0 : group.enumerate(all, true);
            List<Thread> alive = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (all[i].isAlive()) {
                    alive.add(all[i]);
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (alive.isEmpty() || left <= 0) {
                alive.forEach(t -> names.add(t.getName()));
                alive.forEach(Thread::interrupt);
                return names;
            }
            alive.get(0).join(left);
        }
    }

    /** An argument stream of the tests' JVM; each read is one call back there. */
    private static final class CallbackInputStream extends InputStream {
        private final Callee to;

        CallbackInputStream(Callee to) {
            this.to = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            Object got = to.call("read", len);
            if (got == null) {
                return -1;
            }
            byte[] bytes = (byte[]) got;
            int n = Math.min(len, bytes.length);
            System.arraycopy(bytes, 0, b, off, n);
            return n;
        }

        @Override
        public int available() throws IOException {
            return (Integer) to.call("available", null);
        }

        @Override
        public void close() throws IOException {
            to.call("close", null);
        }
    }

    private static final class CallbackOutputStream extends OutputStream {
        private final Callee to;

        CallbackOutputStream(Callee to) {
            this.to = to;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            to.call("write", java.util.Arrays.copyOfRange(b, off, off + len));
        }

        @Override
        public void flush() throws IOException {
            to.call("flush", null);
        }

        @Override
        public void close() throws IOException {
            to.call("close", null);
        }
    }

    private static final class CallbackReader extends Reader {
        private final Callee to;

        CallbackReader(Callee to) {
            this.to = to;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            return readInto(to, cbuf, off, len);
        }

        @Override
        public boolean ready() throws IOException {
            return Boolean.TRUE.equals(to.call("ready", null));
        }

        @Override
        public void close() throws IOException {
            to.call("close", null);
        }
    }

    /** A reader whose every method is the test's reader's: nothing is read ahead on this side. */
    private static final class CallbackBufferedReader extends BufferedReader {
        private final Callee to;

        CallbackBufferedReader(Callee to) {
            super(Reader.nullReader());
            this.to = to;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            return readInto(to, cbuf, off, len);
        }

        @Override
        public String readLine() throws IOException {
            return (String) to.call("readLine", null);
        }

        @Override
        public boolean ready() throws IOException {
            return Boolean.TRUE.equals(to.call("ready", null));
        }

        @Override
        public void close() throws IOException {
            to.call("close", null);
        }
    }

    private static int readInto(Callee to, char[] cbuf, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        Object got = to.call("read", len);
        if (got == null) {
            return -1;
        }
        String text = (String) got;
        int n = Math.min(len, text.length());
        text.getChars(0, n, cbuf, off);
        return n;
    }

    private static final class CallbackWriter extends Writer {
        private final Callee to;

        CallbackWriter(Callee to) {
            this.to = to;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            to.call("write", new String(cbuf, off, len));
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            to.call("write", str.substring(off, off + len));
        }

        @Override
        public void flush() throws IOException {
            to.call("flush", null);
        }

        @Override
        public void close() throws IOException {
            to.call("close", null);
        }
    }

    /**
     * The PrintWriter a learner's method is given for a test's writer: a line and its separator go
     * over the bridge as one write, not two (a PrintWriter prints the text, then the separator).
     * The test sees the same characters at the same moment, when println returns; an exercise-05
     * run makes about half as many crossings. Concatenated without {@code +}, whose first use would
     * make the learner's process spin method-handle classes.
     */
    private static final class LinePrintWriter extends PrintWriter {
        LinePrintWriter(Writer out) {
            super(out);
        }

        @Override
        public void println(String x) {
            write(String.valueOf(x).concat(System.lineSeparator()));
        }

        @Override
        public void println(Object x) {
            println(String.valueOf(x));
        }

        @Override
        public void println(char[] x) {
            println(new String(x));
        }

        @Override
        public void println(boolean x) {
            println(String.valueOf(x));
        }

        @Override
        public void println(char x) {
            println(String.valueOf(x));
        }

        @Override
        public void println(int x) {
            println(String.valueOf(x));
        }

        @Override
        public void println(long x) {
            println(String.valueOf(x));
        }

        @Override
        public void println(float x) {
            println(String.valueOf(x));
        }

        @Override
        public void println(double x) {
            println(String.valueOf(x));
        }
    }

    private static final class CallbackChannel implements WritableByteChannel {
        private static final int MAX_WRITE = 256 * 1024;
        private final Callee to;

        CallbackChannel(Callee to) {
            this.to = to;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer view = src.duplicate();
            byte[] bytes = new byte[Math.min(view.remaining(), MAX_WRITE)];
            view.get(bytes);
            int taken = (Integer) to.call("write", bytes);
            if (taken < 0 || taken > bytes.length) {
                throw new IOException("the channel took " + taken + " of " + bytes.length + " bytes");
            }
            src.position(src.position() + taken);
            return taken;
        }

        @Override
        public boolean isOpen() {
            try {
                return Boolean.TRUE.equals(to.call("isOpen", null));
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            to.call("close", null);
        }
    }

    /** What the tests passed, seen from here: its methods are calls back to the tests' JVM. */
    /**
     * The test's object passed as an interface of the exercise: each call of one of that
     * interface's methods goes to the tests' JVM; what the test's method throws is thrown here.
     */
    private Object callbackProxy(Wire.Handle h) {
        Class<?> type;
        try {
            type = Class.forName(h.detail(), false, learner);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("the learner's code has no " + h.detail(), e);
        }
        java.lang.reflect.InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "the test's " + type.getSimpleName();
                };
            }
            if (method.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
            }
            List<Object> names = new ArrayList<>();
            for (Class<?> p : method.getParameterTypes()) {
                names.add(p.getName());
            }
            List<Object> values = new ArrayList<>();
            for (Object arg : args == null ? new Object[0] : args) {
                values.add(exported(arg));
            }
            try {
                List<Object> reply = peer.call("invoke", h.id(), method.getName(), names, values);
                Object result = reply.isEmpty() ? null : reply.get(0);
                return Values.isCopy(result) ? Values.in(result, learner) : result;
            } catch (Peer.Failed f) {
                throw thrownHere(f.thrown, method);
            }
        };
        return java.lang.reflect.Proxy.newProxyInstance(learner, new Class<?>[] {type}, handler);
    }

    /** What a test's call-back threw, as the interface's method may throw it: a JDK exception as itself. */
    private static Throwable thrownHere(Wire.Thrown thrown, Method method) {
        try {
            Class<?> type = Class.forName(thrown.type(), false, ClassLoader.getPlatformClassLoader());
            boolean declared = RuntimeException.class.isAssignableFrom(type) || Error.class.isAssignableFrom(type)
                    || java.util.Arrays.stream(method.getExceptionTypes()).anyMatch(e -> e.isAssignableFrom(type));
            if (declared) {
                try {
                    return (Throwable) type.getConstructor(String.class).newInstance(thrown.message());
                } catch (NoSuchMethodException e) {
                    return (Throwable) type.getConstructor().newInstance();
                }
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // not a JDK type, or not one this method may throw
        }
        return new IllegalStateException("the test's " + method.getName() + " threw " + thrown.type()
                + (thrown.message() == null ? "" : ": " + thrown.message()));
    }

    private record Callee(Peer peer, long id) {
        /** One call back; what it threw there comes back as an IOException. */
        Object call(String method, Object arg) throws IOException {
            return back(peer, id, method, arg);
        }
    }

    private static Object back(Peer peer, long id, String method, Object arg) throws IOException {
        try {
            List<Object> reply = peer.call("cb", id, method, arg);
            return reply.isEmpty() ? null : reply.get(0);
        } catch (Peer.Failed f) {
            Wire.Thrown t = f.thrown;
            if (t.type().equals("java.io.EOFException")) {
                throw new java.io.EOFException(t.message());
            }
            throw new IOException(t.message() == null ? t.type() : t.message());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
        }
    }
}
