package io.socketlab.testkit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds calls that turn bytes into text, or text into bytes, with the platform's default charset:
 * {@code new String(bytes)}, {@code text.getBytes()}, {@code new InputStreamReader(in)} and their
 * kin. Such code passes on a machine whose default is UTF-8 and garbles Chinese on another (JDK 17
 * takes the default from the locale: ASCII under {@code LANG=C}, windows-1252 on many Windows
 * machines; JDK 18 and later default to UTF-8 everywhere), so no test run can catch it on every
 * machine. The compiled classes say it whatever the machine: the call names the constructor or
 * method without a {@code Charset} parameter. Line numbers come from the class files' line tables.
 */
public final class PlatformCharset {
    /** A call without a charset, what it is in Java, and what to write instead. */
    private record Culprit(String owner, String name, String descriptor, String shown, String instead) {
    }

    private static final List<Culprit> CULPRITS = List.of(
            new Culprit("java/lang/String", "<init>", "([B)V", "new String(byte[])", "new String(bytes, StandardCharsets.UTF_8)"),
            new Culprit("java/lang/String", "<init>", "([BII)V", "new String(byte[], int, int)", "new String(bytes, 0, n, StandardCharsets.UTF_8)"),
            new Culprit("java/lang/String", "getBytes", "()[B", "String.getBytes()", "text.getBytes(StandardCharsets.UTF_8)"),
            new Culprit("java/io/InputStreamReader", "<init>", "(Ljava/io/InputStream;)V", "new InputStreamReader(InputStream)",
                    "new InputStreamReader(in, StandardCharsets.UTF_8)"),
            new Culprit("java/io/OutputStreamWriter", "<init>", "(Ljava/io/OutputStream;)V", "new OutputStreamWriter(OutputStream)",
                    "new OutputStreamWriter(out, StandardCharsets.UTF_8)"),
            new Culprit("java/io/PrintWriter", "<init>", "(Ljava/io/OutputStream;)V", "new PrintWriter(OutputStream)",
                    "new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true)"),
            new Culprit("java/io/PrintWriter", "<init>", "(Ljava/io/OutputStream;Z)V", "new PrintWriter(OutputStream, boolean)",
                    "new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true)"),
            new Culprit("java/io/PrintStream", "<init>", "(Ljava/io/OutputStream;)V", "new PrintStream(OutputStream)",
                    "new PrintStream(out, true, StandardCharsets.UTF_8)"),
            new Culprit("java/io/PrintStream", "<init>", "(Ljava/io/OutputStream;Z)V", "new PrintStream(OutputStream, boolean)",
                    "new PrintStream(out, true, StandardCharsets.UTF_8)"),
            new Culprit("java/util/Scanner", "<init>", "(Ljava/io/InputStream;)V", "new Scanner(InputStream)",
                    "new Scanner(in, StandardCharsets.UTF_8)"),
            new Culprit("java/io/ByteArrayOutputStream", "toString", "()Ljava/lang/String;", "ByteArrayOutputStream.toString()",
                    "bytes.toString(StandardCharsets.UTF_8)"),
            new Culprit("java/nio/charset/Charset", "defaultCharset", "()Ljava/nio/charset/Charset;", "Charset.defaultCharset()",
                    "StandardCharsets.UTF_8"));

    /** The constant pool tag of a class's method, as opposed to an interface's. */
    private static final int METHOD_REF = 10;

    private PlatformCharset() {
    }

    /**
     * Fails when any class of {@code learnerClass}'s package, compiled into the same folder (the
     * learner's files, their nested classes and lambdas), converts with the platform charset.
     *
     * @throws AssertionError naming each such call by file and line, with what to write instead
     */
    public static void assertNotUsedBy(Class<?> learnerClass) {
        List<String> calls = callsIn(learnerClass);
        if (!calls.isEmpty()) {
            throw new AssertionError(Say.say(
                    "text must be encoded and decoded as UTF-8 whatever the machine, but your code leaves the charset to the platform:\n  ",
                    "文字必须在任何机器上都按 UTF-8 编码和解码，但你的代码把字符集交给了平台默认值：\n  ")
                    + String.join("\n  ", calls)
                    + Say.say("\nwithout a charset Java uses the platform's default: UTF-8 on JDK 18 and later, but on JDK 17 whatever the locale says"
                            + " (ASCII under LANG=C, windows-1252 on many Windows machines), where 你好 turns into question marks",
                            "\n不写字符集时，Java 用平台默认值：JDK 18 及以后是 UTF-8，但 JDK 17 取决于系统区域设置"
                            + "（LANG=C 时是 ASCII，很多 Windows 机器上是 windows-1252），这时 你好 会变成问号"));
        }
    }

    /** Each call without a charset in the package of {@code learnerClass}, as "File.java:12: ... (write ... instead)". */
    static List<String> callsIn(Class<?> learnerClass) {
        List<String> found = new ArrayList<>();
        for (byte[] classFile : classFiles(learnerClass)) {
            try {
                found.addAll(scan(classFile));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read a compiled class of " + learnerClass.getPackageName(), e);
            }
        }
        return List.copyOf(new LinkedHashSet<>(found));
    }

    /** The class files next to {@code learnerClass}'s, or only its own when they are not in a folder. */
    private static List<byte[]> classFiles(Class<?> learnerClass) {
        String own = learnerClass.getName().substring(learnerClass.getPackageName().length() + 1) + ".class";
        URL url = learnerClass.getResource(own);
        if (url == null) {
            throw new IllegalStateException("no class file for " + learnerClass.getName());
        }
        try {
            if (url.getProtocol().equals("file")) {
                Path folder = Path.of(url.toURI()).getParent();
                try (Stream<Path> files = Files.list(folder)) {
                    List<byte[]> all = new ArrayList<>();
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".class")).sorted().toList()) {
                        all.add(Files.readAllBytes(file));
                    }
                    return all;
                }
            }
            try (InputStream in = url.openStream()) {
                return List.of(in.readAllBytes());
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the compiled classes of " + learnerClass.getPackageName(), e);
        }
    }

    /** Calls without a charset in one class file, with their source file and line. */
    static List<String> scan(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        int[] tags = new int[count];
        int[][] refs = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // a long or double takes two slots
                }
                case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
                case 9, 10, 11, 12, 17, 18 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    refs[i] = new int[] {in.readUnsignedShort()};
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Map<Integer, Culprit> culprits = new HashMap<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] != METHOD_REF) {
                continue;
            }
            Object owner = pool[refs[refs[i][0]][0]];
            int[] nameAndType = refs[refs[i][1]];
            for (Culprit culprit : CULPRITS) {
                if (culprit.owner().equals(owner) && culprit.name().equals(pool[nameAndType[0]])
                        && culprit.descriptor().equals(pool[nameAndType[1]])) {
                    culprits.put(i, culprit);
                }
            }
        }
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        in.readUnsignedShort(); // super
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        skipFields(in);
        List<int[]> calls = new ArrayList<>(); // {constant, line}
        int methods = in.readUnsignedShort();
        for (int m = 0; m < methods; m++) {
            in.skipNBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String name = (String) pool[in.readUnsignedShort()];
                byte[] body = in.readNBytes(in.readInt());
                if (name.equals("Code") && !culprits.isEmpty()) {
                    calls.addAll(callsInCode(body, pool, culprits.keySet()));
                }
            }
        }
        String source = "?";
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String name = (String) pool[in.readUnsignedShort()];
            byte[] body = in.readNBytes(in.readInt());
            if (name.equals("SourceFile")) {
                source = (String) pool[((body[0] & 0xff) << 8) | (body[1] & 0xff)];
            }
        }
        List<String> found = new ArrayList<>();
        Set<Integer> placed = new HashSet<>();
        for (int[] call : calls) {
            Culprit culprit = culprits.get(call[0]);
            placed.add(call[0]);
            found.add(describe(source + (call[1] > 0 ? ":" + call[1] : ""), culprit));
        }
        for (Map.Entry<Integer, Culprit> culprit : culprits.entrySet()) {
            if (!placed.contains(culprit.getKey())) {
                // named only through a method reference such as String::new
                found.add(describe(source, culprit.getValue()));
            }
        }
        return found;
    }

    private static String describe(String place, Culprit culprit) {
        return Say.say(place + ": " + culprit.shown() + " has no charset; write " + culprit.instead(),
                place + "：" + culprit.shown() + " 没有指定字符集；应该写成 " + culprit.instead());
    }

    private static void skipFields(DataInputStream in) throws IOException {
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            in.skipNBytes(6);
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.readUnsignedShort();
                in.skipNBytes(in.readInt());
            }
        }
    }

    /** The calls in one Code attribute to the constants in {@code wanted}, each with its source line (0 when unknown). */
    private static List<int[]> callsInCode(byte[] attribute, Object[] pool, Set<Integer> wanted) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(attribute));
        in.skipNBytes(4); // max stack, max locals
        byte[] code = in.readNBytes(in.readInt());
        in.skipNBytes(8L * in.readUnsignedShort()); // exception table
        List<int[]> lineTable = new ArrayList<>(); // {start pc, line}
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String name = (String) pool[in.readUnsignedShort()];
            int length = in.readInt();
            if (name.equals("LineNumberTable")) {
                int entries = in.readUnsignedShort();
                for (int e = 0; e < entries; e++) {
                    lineTable.add(new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
                }
            } else {
                in.skipNBytes(length);
            }
        }
        List<int[]> calls = new ArrayList<>();
        int pc = 0;
        while (pc < code.length) {
            int opcode = code[pc] & 0xff;
            if (opcode >= 0xb6 && opcode <= 0xb9) {
                int constant = ((code[pc + 1] & 0xff) << 8) | (code[pc + 2] & 0xff);
                if (wanted.contains(constant)) {
                    calls.add(new int[] {constant, lineAt(lineTable, pc)});
                }
            }
            pc += instructionLength(code, pc);
        }
        return calls;
    }

    private static int lineAt(List<int[]> lineTable, int pc) {
        int line = 0;
        int start = -1;
        for (int[] entry : lineTable) {
            if (entry[0] <= pc && entry[0] > start) {
                start = entry[0];
                line = entry[1];
            }
        }
        return line;
    }

    /** The length in bytes of the instruction at {@code pc} (JVM specification, chapter 6). */
    private static int instructionLength(byte[] code, int pc) {
        int opcode = code[pc] & 0xff;
        if (opcode == 0xaa || opcode == 0xab) {
            int at = (pc + 4) & ~3; // the operands start at the next multiple of 4 after the opcode
            if (opcode == 0xaa) {
                int low = readInt(code, at + 4);
                int high = readInt(code, at + 8);
                return at + 12 + 4 * (high - low + 1) - pc;
            }
            return at + 8 + 8 * readInt(code, at + 4) - pc;
        }
        if (opcode == 0xc4) {
            return (code[pc + 1] & 0xff) == 0x84 ? 6 : 4;
        }
        if (opcode == 0x10 || opcode == 0x12 || opcode >= 0x15 && opcode <= 0x19 || opcode >= 0x36 && opcode <= 0x3a
                || opcode == 0xa9 || opcode == 0xbc) {
            return 2;
        }
        if (opcode == 0x11 || opcode == 0x13 || opcode == 0x14 || opcode == 0x84 || opcode >= 0x99 && opcode <= 0xa8
                || opcode >= 0xb2 && opcode <= 0xb8 || opcode == 0xbb || opcode == 0xbd || opcode == 0xc0 || opcode == 0xc1
                || opcode == 0xc6 || opcode == 0xc7) {
            return 3;
        }
        if (opcode == 0xc5) {
            return 4;
        }
        if (opcode == 0xb9 || opcode == 0xba || opcode == 0xc8 || opcode == 0xc9) {
            return 5;
        }
        return 1;
    }

    private static int readInt(byte[] code, int at) {
        return ((code[at] & 0xff) << 24) | ((code[at + 1] & 0xff) << 16) | ((code[at + 2] & 0xff) << 8) | (code[at + 3] & 0xff);
    }
}
