package io.socketlab.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The learner's code as the course's tests see it when they run in a JVM of their own: the
 * learner's classes live in another process (the subject, see {@link SubjectHost}), and the stubs
 * the grader generates from the starter forward each call there. Values cross as copies; sockets
 * the learner's code is given are made on its side ({@link Sockets}) and appear here as handles;
 * streams, readers, writers and channels a test passes stay here and the subject calls back a few
 * of their methods, nothing else of this JVM. Under plain Maven or an IDE there is no subject:
 * the tests call the learner's classes directly.
 */
public final class Subject {
    /** What a generated stub of a learner's class holds: its object on the subject's side. */
    public interface Stub {
        Ref socketlab$handle();
    }

    /** A learner's object in the subject, as a stub holds it. */
    public static final class Ref {
        final Wire.Handle handle;

        Ref(Wire.Handle handle) {
            this.handle = handle;
        }
    }

    private static final long START_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int MAX_RESTARTS = 5;
    private static volatile Subject current;

    /** The bytes a subject sends first on the bridge: what tells its connection from any other on loopback. */
    static final int TOKEN_BYTES = 16;
    private static final SecureRandom TOKENS = new SecureRandom();

    private final List<String> command;
    private final Path work;
    private final OutputStream output;
    private final Map<Long, Object> exported = new ConcurrentHashMap<>();
    private final Map<Thread, Long> lastCall = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private Process process;
    private ServerSocketChannel listening;
    private byte[] token;
    private Peer peer;
    private int restarts;
    private String ended;
    /** The JVM's last words when -XX:+ExitOnOutOfMemoryError ends it. */
    private static final String OUT_OF_MEMORY = "Terminating due to java.lang.OutOfMemoryError";
    private volatile boolean outOfMemory;

    private Subject(List<String> command, Path work, OutputStream output) {
        this.command = command;
        this.work = work;
        this.output = output;
    }

    /**
     * Starts the subject for one run: {@code command} runs {@link SubjectHost} with the bridge's
     * port and token added; what it prints goes to {@code output}. It starts now and is
     * waited for at the first call, so its start overlaps the tests' discovery.
     */
    public static Subject open(List<String> command, Path work, OutputStream output) throws IOException {
        Subject subject = launchEarly(command, work, output);
        subject.makeCurrent();
        return subject;
    }

    /**
     * Starts the subject before its run is ordered, so that its start overlaps the start of the
     * tests' JVM; the tests reach it once {@link #makeCurrent()} has been called.
     */
    public static Subject launchEarly(List<String> command, Path work, OutputStream output) throws IOException {
        Subject subject = new Subject(command, work, output);
        subject.launch();
        return subject;
    }

    /** The subject the tests call from now on. */
    public void makeCurrent() {
        current = this;
    }

    /** True when this subject was started with {@code command} in {@code work}. */
    public boolean startedAs(List<String> command, Path work) {
        return this.command.equals(command) && this.work.equals(work);
    }

    /** The subject of the run going on, or null when the tests call the learner's classes directly. */
    static Subject current() {
        return current;
    }

    /**
     * Waits until the subject has started and connected, before the tests start: its start is
     * not part of any test's time limit.
     */
    public void awaitStart() throws IOException {
        connection();
    }

    /** Ends the subject and everything it started. */
    public synchronized void close() {
        if (current == this) {
            current = null;
        }
        stop();
    }

    private void launch() throws IOException {
        outOfMemory = false;
        // The bridge is TCP on loopback, which the learner's sockets load anyway; a Unix socket made
        // the learner's process set up SecureRandom and the security providers, about 15 ms of CPU
        // of each run. Under the sandbox, loopback is the run's own; without it, another program
        // could connect first, and it is told from the subject by the token the subject is given.
        listening = ServerSocketChannel.open();
        try {
            listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            token = new byte[TOKEN_BYTES];
            TOKENS.nextBytes(token);
            List<String> full = new ArrayList<>(command);
            full.add(((InetSocketAddress) listening.getLocalAddress()).getPort() + ":" + java.util.HexFormat.of().formatHex(token));
            process = Processes.start(new ProcessBuilder(full).directory(work.toFile()));
        } catch (IOException e) {
            // the work folder is gone, say: nothing of this start stays open
            closeQuietly(listening);
            throw e;
        }
        drain(process.getInputStream());
        drain(process.getErrorStream());
        Process started = process;
        ServerSocketChannel waiting = listening;
        // a subject that dies before it connects must not leave the accept waiting
        started.onExit().thenRun(() -> closeQuietly(waiting));
    }

    private void drain(InputStream from) {
        Thread drain = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = from.read(buffer)) > 0; ) {
                    if (new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).contains(OUT_OF_MEMORY)) {
                        outOfMemory = true;
                    }
                    synchronized (output) {
                        output.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the subject ended
            }
        }, "subject-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** The connection, waited for after a start; a subject the learner's code ended is started again. */
    private synchronized Peer connection() throws IOException {
        if (peer != null && !peer.isGone()) {
            return peer;
        }
        if (peer != null) {
            if (restarts >= MAX_RESTARTS) {
                throw new Peer.Gone(ended);
            }
            restarts++;
            stop();
            launch();
        }
        SocketChannel channel = accept();
        if (channel == null) {
            // a machine too busy to start a JVM in time is given a second chance, never blamed on the learner
            stop();
            launch();
            channel = accept();
            if (channel == null) {
                throw new IOException(Say.text("bridge.no-start"));
            }
        }
        peer = new Peer(ChannelStreams.in(channel), ChannelStreams.out(channel), this::serve, "tests-bridge");
        return peer;
    }

    /**
     * The subject's connection, or null when it did not connect within the start limit or ended
     * first. A connection that does not begin with the token is closed and another waited for.
     */
    private SocketChannel accept() throws IOException {
        ServerSocketChannel waiting = listening;
        SocketChannel[] candidate = new SocketChannel[1];
        Thread limit = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(START_LIMIT_NANOS));
                closeQuietly(waiting);
                synchronized (candidate) {
                    if (candidate[0] != null) {
                        closeQuietly(candidate[0]);
                    }
                }
            } catch (InterruptedException e) {
                // connected in time
            }
        }, "subject-start-limit");
        limit.setDaemon(true);
        limit.start();
        try {
            while (true) {
                SocketChannel channel = waiting.accept();
                synchronized (candidate) {
                    candidate[0] = channel;
                }
                if (presentsToken(channel)) {
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    return channel;
                }
                closeQuietly(channel);
            }
        } catch (IOException e) {
            return null;
        } finally {
            limit.interrupt();
            closeQuietly(waiting);
        }
    }

    private boolean presentsToken(SocketChannel channel) throws IOException {
        ByteBuffer first = ByteBuffer.allocate(TOKEN_BYTES);
        while (first.hasRemaining()) {
            if (channel.read(first) < 0) {
                return false;
            }
        }
        return java.security.MessageDigest.isEqual(first.array(), token);
    }

    private void stop() {
        if (peer != null) {
            peer.end("the run ended");
        }
        closeQuietly(listening);
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Calls a method of the learner's class: for a generated stub. */
    public static Object call(String type, String method, String[] params, Object self, Object... args) {
        return require().invoke("static", type, method, params, self, args);
    }

    /** Makes an object of the learner's class: for a generated stub's constructor. */
    public static Ref construct(String type, String[] params, Object... args) {
        Object made = require().invoke("new", type, "<init>", params, null, args);
        if (made instanceof Stub stub) {
            return stub.socketlab$handle();
        }
        throw new IllegalStateException("the learner's process made no " + type);
    }

    private static Subject require() {
        Subject subject = current;
        if (subject == null) {
            throw new IllegalStateException("the learner's classes are stubs here, and no run is going on");
        }
        return subject;
    }

    private Object invoke(String kind, String type, String method, String[] params, Object self, Object[] args) {
        long call = ids.incrementAndGet();
        lastCall.put(Thread.currentThread(), call);
        List<Object> sent = new ArrayList<>();
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            // a buffer is passed by value; what the learner's code did to it is copied back after
            buffers.add(args[i] instanceof ByteBuffer buffer ? buffer : null);
            sent.add(export(args[i], params[i]));
        }
        Object target = self instanceof Stub stub ? stub.socketlab$handle().handle : null;
        try {
            Peer peer = connection();
            // interrupting the test's thread interrupts the learner's call, as it would in one JVM
            Runnable interrupt = () -> {
                try {
                    peer.call("interrupt", call);
                } catch (Peer.Gone | Peer.Failed | InterruptedException e) {
                    // the call's thread has ended, or the subject has
                }
            };
            List<Object> reply = peer.call(interrupt, "call", call, self == null ? kind : "instance", type, method,
                    Arrays.asList(params), target, sent);
            if (reply.size() > 1 && reply.get(1) instanceof List<?> backs) {
                for (int i = 0; i < backs.size() && i < buffers.size(); i++) {
                    if (backs.get(i) instanceof Wire.Buffer b) {
                        b.copyInto(buffers.get(i));
                    }
                }
            }
            return imported(reply.isEmpty() ? null : reply.get(0));
        } catch (Peer.Failed f) {
            throw sneaky(rebuild(f.thrown));
        } catch (Peer.Gone e) {
            throw new AssertionError(endedDuringCall());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(Say.text("bridge.interrupted"), e);
        } catch (IOException e) {
            throw new AssertionError(Say.text("bridge.no-start"), e);
        }
    }

    /** Why the call got no reply: the subject ended, with its exit status, or did not start. */
    private String endedDuringCall() {
        Process ending = process;
        try {
            ending.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String why = ending.isAlive() ? Say.text("bridge.broke")
                : outOfMemory ? Say.text("bridge.memory") : Say.text("bridge.ended", ending.exitValue());
        ended = why;
        return why;
    }

    private Object export(Object value, String declared) {
        switch (declared) {
            case "java.io.InputStream", "java.io.OutputStream", "java.io.BufferedReader", "java.io.Reader",
                    "java.io.PrintWriter", "java.io.Writer", "java.nio.channels.WritableByteChannel" -> {
                if (value == null) {
                    return null;
                }
                long id = ids.incrementAndGet();
                exported.put(id, value);
                return new Wire.Handle(kindOf(value), id, "");
            }
            case "java.net.ServerSocket", "java.net.DatagramSocket", "java.nio.channels.ServerSocketChannel", "java.net.Socket" -> {
                if (value instanceof Remote remote) {
                    return remote.handle();
                }
                if (value == null) {
                    return null;
                }
                throw new IllegalArgumentException("make the " + declared + " the learner's code is given with Sockets,"
                        + " so that it lives beside that code: this one is in the tests' JVM");
            }
            default -> {
                if (value instanceof Stub stub) {
                    return stub.socketlab$handle().handle;
                }
                if (value instanceof ByteBuffer buffer) {
                    return Wire.Buffer.of(buffer);
                }
                Object copy = Values.out(value);
                if (copy != value) {
                    return copy;
                }
                Class<?> callback = callbackType(declared);
                if (callback != null && callback.isInstance(value)) {
                    long id = ids.incrementAndGet();
                    exported.put(id, new Callback(value, callback));
                    return new Wire.Handle("callback", id, declared);
                }
                return value;
            }
        }
    }

    /** The constant an {@code enum} handle names, of the enum as {@code loader} has it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object enumConstant(Wire.Handle h, ClassLoader loader) {
        int hash = h.detail().lastIndexOf('#');
        try {
            Class<?> type = Class.forName(h.detail().substring(0, hash), false, loader);
            if (!type.isEnum()) {
                throw new IllegalArgumentException(h.detail() + " is not an enum constant");
            }
            return Enum.valueOf((Class) type, h.detail().substring(hash + 1));
        } catch (ClassNotFoundException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("no enum constant " + h.detail(), e);
        }
    }

    /** An interface of the exercise a test may implement and pass (a Sleeper, a listener); null for any other type. */
    private static Class<?> callbackType(String declared) {
        if (!declared.startsWith("exercise.")) {
            return null;
        }
        try {
            Class<?> type = Class.forName(declared, false, Thread.currentThread().getContextClassLoader());
            return type.isInterface() ? type : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** A test's object passed as an interface of the exercise: the subject may call that interface's methods on it, no others. */
    private record Callback(Object target, Class<?> type) {
    }

    private static String kindOf(Object value) {
        if (value instanceof InputStream) {
            return "in";
        } else if (value instanceof OutputStream) {
            return "out";
        } else if (value instanceof Reader) {
            return "reader";
        } else if (value instanceof Writer) {
            return "writer";
        }
        return "channel";
    }

    private Object imported(Object value) {
        if (Values.isCopy(value)) {
            return Values.in(value, Thread.currentThread().getContextClassLoader());
        }
        if (value instanceof Wire.Handle h) {
            return switch (h.kind()) {
                case "server" -> RemoteServerSocket.of(this, h);
                case "datagram" -> RemoteDatagramSocket.of(this, h);
                case "serverchannel" -> RemoteServerSocketChannel.of(this, h);
                case "socket" -> RemoteSocket.of(this, h);
                case "object" -> stubFor(h);
                default -> throw new IllegalStateException("a handle of kind " + h.kind());
            };
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(imported(k), imported(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(this::imported).toList());
        }
        if (value instanceof Wire.Buffer b) {
            return b.toByteBuffer();
        }
        return value;
    }

    private static Object stubFor(Wire.Handle h) {
        try {
            Class<?> type = Class.forName(h.detail(), false, Thread.currentThread().getContextClassLoader());
            if (!Stub.class.isAssignableFrom(type)) {
                throw new IllegalStateException(h.detail() + " is not a stub");
            }
            Constructor<?> wrap = type.getDeclaredConstructor(Ref.class);
            wrap.setAccessible(true);
            return wrap.newInstance(new Ref(h));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no stub of " + h.detail(), e);
        }
    }

    /**
     * What the learner's code threw, made again here: a JDK exception as itself, one of the
     * exercise's own as its stub twin (so {@code assertThrows(FrameException.class, ...)} holds),
     * with the message and the learner's stack; anything else as a {@link LearnerThrew}.
     */
    Throwable rebuild(Wire.Thrown thrown) {
        if (thrown.type().equals(SubjectHost.Missing.class.getName())) {
            return new AssertionError(Say.text("bridge.missing", thrown.message()));
        }
        Throwable made = null;
        String type = thrown.type();
        if (type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("exercise.")) {
            try {
                ClassLoader loader = type.startsWith("exercise.") ? Thread.currentThread().getContextClassLoader()
                        : ClassLoader.getPlatformClassLoader();
                Class<?> cls = Class.forName(type, false, loader);
                if (Throwable.class.isAssignableFrom(cls)) {
                    made = instantiate(cls, thrown.message());
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                made = null;
            }
        }
        if (made == null) {
            made = new LearnerThrew(type, thrown.message());
        }
        made.setStackTrace(thrown.stack());
        if (thrown.cause() != null) {
            try {
                made.initCause(rebuild(thrown.cause()));
            } catch (IllegalStateException | IllegalArgumentException e) {
                // its constructor set a cause already
            }
        }
        return made;
    }

    private static Throwable instantiate(Class<?> cls, String message) throws ReflectiveOperationException {
        try {
            return (Throwable) cls.getConstructor(String.class).newInstance(message);
        } catch (NoSuchMethodException e) {
            return (Throwable) cls.getConstructor().newInstance();
        }
    }

    /** An exception of a type this JVM does not make again; it reads as the learner's. */
    public static final class LearnerThrew extends RuntimeException {
        private final String type;

        LearnerThrew(String type, String message) {
            super(message);
            this.type = type;
        }

        /** The class name of what the learner's code threw. */
        public String type() {
            return type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }

    /** Serves the subject's call-backs on what the tests passed: a few methods of each kind, nothing else. */
    private List<Object> serve(String op, List<Object> args) throws Throwable {
        if (op.equals("invoke")) {
            return invokeCallback(args);
        }
        if (!op.equals("cb") || args.size() < 2 || !(args.get(0) instanceof Long id) || !(args.get(1) instanceof String method)) {
            throw new IOException("not a call-back: " + op);
        }
        Object target = exported.get(id);
        if (target == null) {
            throw new IOException("nothing was passed with the id " + id);
        }
        Object arg = args.size() > 2 ? args.get(2) : null;
        int count = arg instanceof Integer n ? Math.max(0, Math.min(n, 1 << 20)) : 0;
        Object result = callBack(target, method, arg, count);
        List<Object> reply = new ArrayList<>();
        reply.add(result);
        return reply;
    }

    /**
     * The subject calls a method of an interface a test's object was passed as: that interface's
     * own methods only, with plain values, and what it returns goes back the same way.
     */
    private List<Object> invokeCallback(List<Object> args) throws Throwable {
        if (args.size() < 4 || !(args.get(0) instanceof Long id) || !(args.get(1) instanceof String name)
                || !(args.get(2) instanceof List<?> paramNames) || !(args.get(3) instanceof List<?> values)
                || !(exported.get(id) instanceof Callback callback)) {
            throw new IOException("not a call of a passed interface");
        }
        Method method = null;
        for (Method m : callback.type().getMethods()) {
            if (m.getName().equals(name) && m.getDeclaringClass().isInterface() && m.getDeclaringClass() != Object.class
                    && Arrays.stream(m.getParameterTypes()).map(Class::getName).toList().equals(paramNames)) {
                method = m;
            }
        }
        if (method == null) {
            throw new IOException(callback.type().getName() + " has no method " + name + paramNames);
        }
        Object[] passed = new Object[values.size()];
        for (int i = 0; i < passed.length; i++) {
            Object value = values.get(i);
            passed[i] = Values.isCopy(value) ? Values.in(value, callback.type().getClassLoader())
                    : value instanceof Wire.Handle ? null : value;
        }
        Object result;
        try {
            method.setAccessible(true);
            result = method.invoke(callback.target(), passed);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
        List<Object> reply = new ArrayList<>();
        reply.add(Values.out(result));
        return reply;
    }

    /** The most one read of a test's stream takes at a time for the learner's code. */
    private static final int READ_CHUNK = 256 * 1024;

    /**
     * What one {@code read(b, off, want)} of {@code in} would give: up to {@code want} bytes,
     * waiting only for the first; null at the end of the stream. It reads a chunk at a time, then
     * only as much more as the stream has at once, instead of making an array of {@code want}
     * bytes for each call: a learner's readExactly of 4 MiB asks for all that's left on every call,
     * and fresh arrays that large cost more than the copy (about 13 ms each on this project's machine).
     */
    static byte[] readAtMost(InputStream in, int want) throws IOException {
        byte[] first = new byte[Math.min(want, READ_CHUNK)];
        int n = in.read(first, 0, first.length);
        if (n < 0) {
            return null;
        }
        if (n < first.length || n == want) {
            return Arrays.copyOf(first, n);
        }
        java.io.ByteArrayOutputStream more = new java.io.ByteArrayOutputStream(2 * n);
        more.write(first, 0, n);
        for (int total = n; total < want; ) {
            int ready = in.available();
            if (ready <= 0) {
                break;
            }
            int m = in.read(first, 0, Math.min(Math.min(ready, want - total), first.length));
            if (m <= 0) {
                break;
            }
            more.write(first, 0, m);
            total += m;
        }
        return more.toByteArray();
    }

    private static Object callBack(Object target, String method, Object arg, int count) throws IOException {
        if (method.equals("close") && target instanceof java.io.Closeable closeable) {
            closeable.close();
            return null;
        }
        if (target instanceof InputStream in) {
            if (method.equals("read")) {
                return readAtMost(in, Math.max(1, count));
            }
            if (method.equals("available")) {
                return in.available();
            }
        } else if (target instanceof OutputStream out) {
            if (method.equals("write") && arg instanceof byte[] b) {
                out.write(b);
                return null;
            }
            if (method.equals("flush")) {
                out.flush();
                return null;
            }
        } else if (target instanceof Reader reader) {
            if (method.equals("readLine") && reader instanceof BufferedReader lines) {
                return lines.readLine();
            }
            if (method.equals("read")) {
                char[] buffer = new char[Math.max(1, count)];
                int n = reader.read(buffer, 0, buffer.length);
                return n < 0 ? null : new String(buffer, 0, n);
            }
            if (method.equals("ready")) {
                return reader.ready();
            }
        } else if (target instanceof Writer writer) {
            if (method.equals("write") && arg instanceof String s) {
                writer.write(s);
                return null;
            }
            if (method.equals("flush")) {
                writer.flush();
                return null;
            }
        } else if (target instanceof WritableByteChannel channel) {
            if (method.equals("write") && arg instanceof byte[] b) {
                return channel.write(ByteBuffer.wrap(b));
            }
            if (method.equals("isOpen")) {
                return channel.isOpen();
            }
        }
        throw new IOException(method + " may not be called on a " + target.getClass().getSimpleName());
    }

    /** Asks the subject; the socket handles' methods use it. */
    Object ask(String op, Object... args) throws IOException {
        try {
            List<Object> reply = connection().call(op, args);
            return reply.isEmpty() ? null : reply.get(0);
        } catch (Peer.Failed f) {
            Throwable t = rebuild(f.thrown);
            if (t instanceof IOException io) {
                throw io;
            }
            throw sneaky(t);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException(Say.text("bridge.interrupted"));
        }
    }

    /**
     * Where the learner's code is that {@code caller}'s last call started: the stack of that call's
     * thread in the subject; null when it has returned or there is no subject.
     */
    static StackTraceElement[] learnerStack(Thread caller) {
        Subject subject = current;
        Long call = subject == null ? null : subject.lastCall.get(caller);
        if (call == null) {
            return null;
        }
        try {
            return subject.ask("stack", call) instanceof Wire.Thrown t && t.stack().length > 0 ? t.stack() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The threads {@code caller}'s last call started in the subject that are still alive after
     * waiting at most {@code millis} for them; empty when there is no subject.
     */
    static List<String> threadsLeft(Thread caller, long millis) {
        Subject subject = current;
        Long call = subject == null ? null : subject.lastCall.get(caller);
        if (call == null) {
            return List.of();
        }
        try {
            return subject.ask("threads", call, millis) instanceof List<?> names
                    ? names.stream().map(String::valueOf).toList() : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Whether the subject's socket is closed; a subject that is gone took its sockets with it. */
    boolean remoteIsClosed(Wire.Handle handle) {
        try {
            return Boolean.TRUE.equals(ask("socket", handle, "isClosed"));
        } catch (IOException e) {
            return true;
        }
    }

    /** Closes the subject's socket, if the subject is still there. */
    void remoteClose(Wire.Handle handle) {
        try {
            ask("socket", handle, "close");
        } catch (IOException e) {
            // already gone with the learner's process
        }
    }

    /** A socket made on the subject's side. */
    interface Remote {
        Wire.Handle handle();
    }

    /** The subject's work folder, the one folder its sandbox shows it. */
    Path work() {
        return work;
    }

    /** CPU time of the learner's threads in the call {@code caller} is making (or made last); 0 before any. */
    long cpuNanos(Thread caller) throws IOException {
        Long call = lastCall.get(caller);
        return call == null ? 0 : ((Number) ask("cpu", call)).longValue();
    }

    /** Makes the subject bind a socket to 127.0.0.1 on port 0: {@code server} with a backlog, or {@code datagram}. */
    Wire.Handle bind(String kind, int backlog) throws IOException {
        return (Wire.Handle) ask(kind, backlog);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // closing is cleanup
        }
    }

    /** Streams over a blocking channel that read and write at the same time (the JDK's share one lock). */
    static final class ChannelStreams {
        /** The most one read or write of the bridge's channel moves: a 4 MiB value crosses in slices. */
        private static final int SLICE = 64 * 1024;

        private ChannelStreams() {
        }

        static InputStream in(SocketChannel channel) {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    // a slice at a time: NIO copies through a temporary direct buffer as large as what it is given
                    return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, Math.min(len, SLICE)));
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }

        static OutputStream out(SocketChannel channel) {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    for (int done = 0; done < len; ) {
                        ByteBuffer slice = ByteBuffer.wrap(b, off + done, Math.min(len - done, SLICE));
                        while (slice.hasRemaining()) {
                            done += channel.write(slice);
                        }
                    }
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        }
    }
}
