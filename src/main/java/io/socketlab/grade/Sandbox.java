package io.socketlab.grade;

import io.socketlab.i18n.Lang;
import io.socketlab.testkit.SubjectHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Where the learner's process runs: on Linux with bubblewrap, in a sandbox that sees the JDK, this
 * program's jar and its own work folder and nothing else, with a clean environment, its own pid
 * namespace (nothing it starts outlives the run), limits on processes and file size, and a
 * network namespace it shares with the tests' JVM alone (loopback only). Elsewhere, or off, both
 * run as plain processes.
 */
public final class Sandbox {
    /** {@code --sandbox}: on where it works, always (refusing without it), or never. */
    public enum Mode {
        AUTO, ON, OFF;

        /** The mode named by {@code text} (any case); null when there is none of that name. */
        public static Mode parse(String text) {
            for (Mode mode : values()) {
                if (mode.name().equalsIgnoreCase(text)) {
                    return mode;
                }
            }
            return null;
        }
    }

    /** The sandbox was asked for ({@code --sandbox on}) and cannot start here. */
    public static final class Unavailable extends Exception {
        Unavailable(String why) {
            super(why);
        }
    }

    /** The learner's process may have at most this many processes and threads (as root, with its own uid). */
    static final int MAX_PROCESSES = 256;
    /** No file the learner's process writes may grow past this. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final String BWRAP = "/usr/bin/bwrap";
    private static final String SETPRIV = "/usr/bin/setpriv";
    private static final String PRLIMIT = "/usr/bin/prlimit";
    /** The uids the learner's processes run as when the grader runs as root, one per run in turn. */
    private static final int FIRST_UID = 61000;
    private static final int UIDS = 2000;
    private static final AtomicInteger NEXT_UID = new AtomicInteger();
    private static volatile String whyNot;
    private static volatile boolean probed;

    private final boolean on;

    private Sandbox(boolean on) {
        this.on = on;
    }

    /** No sandbox: both processes run plainly (the in-process fast path does not use this). */
    public static final Sandbox OFF = new Sandbox(false);

    /**
     * The sandbox for {@code mode}: on when it works here and is not turned off.
     *
     * @throws Unavailable for {@link Mode#ON} where it cannot start, saying why
     */
    public static Sandbox of(Mode mode) throws Unavailable {
        if (mode == Mode.OFF) {
            return OFF;
        }
        String why = unavailableReason();
        if (why != null && mode == Mode.ON) {
            throw new Unavailable(why);
        }
        return new Sandbox(why == null);
    }

    /** The sandbox where it works, else none: what grades use unless told otherwise. */
    public static Sandbox auto() {
        return new Sandbox(unavailableReason() == null);
    }

    /** Why the sandbox cannot start on this machine, or null when it can. Probed once. */
    public static String unavailableReason() {
        if (!probed) {
            synchronized (Sandbox.class) {
                if (!probed) {
                    whyNot = probe();
                    probed = true;
                }
            }
        }
        return whyNot;
    }

    public boolean on() {
        return on;
    }

    /** What goes before the tests' JVM's command: a private network namespace with loopback up. */
    List<String> verdictPrefix() {
        if (!on) {
            return List.of();
        }
        List<String> prefix = new ArrayList<>(List.of(BWRAP, "--dev-bind", "/", "/", "--unshare-net", "--die-with-parent"));
        // as root, the learner's sandbox is made inside this one: it needs the capabilities to do so
        prefix.addAll(root() ? List.of("--cap-add", "ALL") : List.of("--unshare-user"));
        prefix.add("--");
        return prefix;
    }

    /**
     * The command of the learner's process with its work folder {@code work}: {@link SubjectHost}
     * on {@code work/classes}, in the sandbox when it is on. {@code work} is made the sandbox user's.
     */
    List<String> subjectCommand(Path work, Lang lang) throws IOException {
        List<String> javaCommand = new ArrayList<>(TestJvm.subjectJava(lang));
        javaCommand.addAll(List.of("-cp", TestJvm.classPath(), SubjectHost.class.getName(), work.resolve("classes").toString()));
        if (!on) {
            return javaCommand;
        }
        List<String> command = new ArrayList<>();
        boolean root = root();
        int uid = FIRST_UID + Math.floorMod(NEXT_UID.getAndIncrement(), UIDS);
        if (root) {
            // RLIMIT_NPROC counts the processes of one uid and never limits root: the learner's
            // process gets a uid of its own
            command.addAll(List.of(PRLIMIT, "--nproc=" + MAX_PROCESSES, "--fsize=" + MAX_FILE_BYTES, "--"));
            chown(work, uid);
        } else {
            command.addAll(List.of(PRLIMIT, "--fsize=" + MAX_FILE_BYTES, "--"));
        }
        command.addAll(List.of(BWRAP, "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-ipc",
                "--unshare-uts", "--unshare-cgroup-try", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        if (!root) {
            command.add("--unshare-user");
        }
        Set<Path> visible = visible();
        // bwrap makes the folders a mount needs readable by root alone: the learner's uid must pass them
        Set<Path> parents = new TreeSet<>(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
        for (Path path : Stream.concat(visible.stream(), Stream.of(work)).toList()) {
            for (Path parent = path.getParent(); parent != null && parent.getNameCount() > 0; parent = parent.getParent()) {
                Path folder = parent;
                if (visible.stream().noneMatch(folder::startsWith) && !folder.equals(Path.of("/tmp"))) {
                    parents.add(folder);
                }
            }
        }
        for (Path parent : parents) {
            command.addAll(List.of("--perms", "0755", "--dir", parent.toString()));
        }
        for (Path path : visible) {
            command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        for (String link : List.of("/lib", "/lib64", "/lib32", "/bin")) {
            Path path = Path.of(link);
            if (Files.isSymbolicLink(path)) {
                command.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), link));
            } else if (Files.isDirectory(path) && !link.equals("/bin")) {
                command.addAll(List.of("--ro-bind", link, link));
            }
        }
        command.addAll(List.of("--bind", work.toString(), work.toString(), "--chdir", work.toString(), "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin"));
        for (String name : List.of("LANG", "LC_ALL", "LC_CTYPE")) {
            // the platform charset the learner's code sees stays the one it sees outside
            String value = System.getenv(name);
            if (value != null) {
                command.addAll(List.of("--setenv", name, value));
            }
        }
        if (root) {
            command.addAll(List.of("--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--", SETPRIV,
                    "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        } else {
            command.add("--");
        }
        command.addAll(javaCommand);
        return command;
    }

    /** The one line saying what is not protected when the sandbox is off or cannot start. */
    public static String unprotectedLine(Lang lang, boolean turnedOff) {
        String why = unavailableReason();
        return io.socketlab.i18n.Messages.of("grade", lang).get("sandbox.unprotected", turnedOff || why == null ? "--sandbox off" : why);
    }

    /** {@link #visible()} as last found, with the archives it was found with: the same for every run of a batch. */
    private record Found(List<Path> archives, Set<Path> paths) {
    }

    private static volatile Found visibleFound;

    /**
     * What the sandbox shows read-only: the system's libraries, the JDK and what it links to, the
     * class path. Found once (it walks the JDK's folder), again only when a start-up archive has
     * appeared since (the launcher records them in the background on a first run).
     */
    private static Set<Path> visible() throws IOException {
        List<Path> archives = new ArrayList<>();
        for (String property : List.of(TestJvm.TESTS_ARCHIVE, TestJvm.SUBJECT_ARCHIVE)) {
            Path archive = TestJvm.archive(property);
            if (archive != null) {
                archives.add(archive);
            }
        }
        Found found = visibleFound;
        if (found == null || !archives.equals(found.archives())) {
            found = new Found(archives, Collections.unmodifiableSet(findVisible(archives)));
            visibleFound = found;
        }
        return found.paths();
    }

    private static Set<Path> findVisible(List<Path> archives) throws IOException {
        Set<Path> paths = new LinkedHashSet<>();
        for (String lib : List.of("/usr/lib", "/usr/lib64", "/usr/lib32")) {
            if (Files.isDirectory(Path.of(lib)) && !Files.isSymbolicLink(Path.of(lib))) {
                paths.add(Path.of(lib));
            }
        }
        paths.add(Path.of("/etc/ld.so.cache"));
        if (root()) {
            paths.add(Path.of(SETPRIV));
        }
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        paths.add(javaHome);
        // a packaged JDK links its configuration to /etc (Debian: /etc/java-17-openjdk)
        try (Stream<Path> walk = Files.walk(javaHome)) {
            for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
                Path target = link.toRealPath();
                if (!target.startsWith(javaHome) && !target.startsWith("/usr/lib")) {
                    paths.add(target);
                }
            }
        } catch (IOException e) {
            // a dangling link: the JDK does without it
        }
        for (Path entry : TestJvm.classPathWithManifests()) {
            if (Files.exists(entry)) {
                paths.add(entry);
            }
        }
        paths.addAll(archives);
        paths.removeIf(p -> !Files.exists(p));
        // what lies inside another visible path is visible with it
        Set<Path> outer = new LinkedHashSet<>(paths);
        outer.removeIf(p -> paths.stream().anyMatch(other -> !other.equals(p) && p.startsWith(other)));
        return outer;
    }

    /**
     * Gives the learner's uid what was written into {@code work} after its command was made (the
     * learner's compiled classes), when the sandbox runs the learner as a uid of its own.
     */
    void handOver(Path work) throws IOException {
        if (on && root()) {
            int uid = uidOf(work);
            chown(work, uid);
        }
    }

    private static int uidOf(Path work) throws IOException {
        return (Integer) Files.getAttribute(work, "unix:uid");
    }

    private static void chown(Path work, int uid) throws IOException {
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.toList()) {
                Files.setAttribute(p, "unix:uid", uid);
                Files.setAttribute(p, "unix:gid", uid);
            }
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "not Linux";
        }
        if (!Files.isExecutable(Path.of(BWRAP)) || !Files.isExecutable(Path.of(PRLIMIT))
                || (root() && !Files.isExecutable(Path.of(SETPRIV)))) {
            return "bubblewrap is not installed (apt-get install bubblewrap)";
        }
        Path work = null;
        try {
            work = ScratchFolders.create("socketlab-sandbox-probe");
            Files.createDirectories(work.resolve("classes"));
            Sandbox sandbox = new Sandbox(true);
            List<String> command = new ArrayList<>(sandbox.verdictPrefix());
            List<String> subject = sandbox.subjectCommand(work, Lang.EN);
            // the same sandbox, running the JDK's java -version instead of the learner's process
            int javaAt = subject.indexOf(TestJvm.java(Lang.EN).get(0));
            command.addAll(subject.subList(0, javaAt + 1));
            command.add("-version");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] said = process.getInputStream().readNBytes(4096);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "bubblewrap did not start within 20 s";
            }
            if (process.exitValue() != 0) {
                String first = new String(said, java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("");
                return "bubblewrap cannot make the sandbox here (" + first.strip() + ")";
            }
            return null;
        } catch (IOException e) {
            return "bubblewrap cannot start (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            ScratchFolders.delete(work);
        }
    }
}
