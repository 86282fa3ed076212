package io.socketlab.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The kernel's socket table, read the best way this machine allows: Linux's {@code /proc/net} files
 * (no root, no outside program), else {@code netstat -an}, else {@code lsof}, else nothing, said so.
 * One table remembers the ports it has seen this process use, so a socket the process closed stays
 * in view while the kernel keeps it (TIME-WAIT belongs to no process any more).
 */
public final class SocketTable {
    /** What a look at the table found: the entries, which source gave them, or why there are none. */
    public record Snapshot(String source, List<SocketEntry> entries, String unavailable) {
        public boolean available() {
            return unavailable == null;
        }
    }

    /** Where the table comes from. */
    public interface Source {
        /** "/proc/net", "netstat", "lsof". */
        String name();

        /** Every TCP and UDP socket the source lists. */
        List<SocketEntry> read() throws IOException;

        /** The socket inodes of this process, or null when the source cannot tell which are ours. */
        default Set<Long> ownInodes() {
            return null;
        }
    }

    private static final String[] PROC_FILES = {"tcp", "tcp6", "udp", "udp6"};

    private final Source source;
    private final String unavailable;
    private final Set<Integer> ourPorts = new HashSet<>();

    private SocketTable(Source source, String unavailable) {
        this.source = source;
        this.unavailable = unavailable;
    }

    /** A table reading {@code source}. */
    public static SocketTable of(Source source) {
        return new SocketTable(source, null);
    }

    /** The best source on this machine: /proc/net, else netstat, else lsof; else a table that says why it is empty. */
    public static SocketTable forThisMachine() {
        Path proc = Path.of("/proc/net/tcp");
        if (Files.isReadable(proc)) {
            return of(procNet(Path.of("/proc/net"), Path.of("/proc/self/fd")));
        }
        if (runs("netstat", "-an")) {
            return of(tool("netstat", List.of("netstat", "-an"), ToolOutput::netstat));
        }
        if (runs("lsof", "-v")) {
            return of(tool("lsof", List.of("lsof", "-nP", "-iTCP", "-iUDP"), ToolOutput::lsof));
        }
        return new SocketTable(null, "no /proc/net, netstat or lsof on this system");
    }

    /** Linux: the four files under {@code procNet}, and this process's descriptors under {@code fds}. */
    public static Source procNet(Path procNet, Path fds) {
        return new Source() {
            @Override
            public String name() {
                return "/proc/net";
            }

            @Override
            public List<SocketEntry> read() throws IOException {
                List<SocketEntry> all = new ArrayList<>();
                for (String file : PROC_FILES) {
                    Path path = procNet.resolve(file);
                    if (Files.isReadable(path)) {
                        all.addAll(ProcNet.parse(file, Files.readAllLines(path, StandardCharsets.US_ASCII)));
                    }
                }
                return all;
            }

            @Override
            public Set<Long> ownInodes() {
                Set<Long> inodes = new HashSet<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
                    for (Path fd : entries) {
                        try {
                            String target = Files.readSymbolicLink(fd).toString();
                            if (target.startsWith("socket:[")) {
                                inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                            }
                        } catch (IOException closedMeanwhile) {
                            // the descriptor was closed between listing and reading: it is no socket of ours now
                        }
                    }
                } catch (IOException e) {
                    return null;
                }
                return inodes;
            }
        };
    }

    private interface Parser {
        List<SocketEntry> parse(List<String> lines);
    }

    private static Source tool(String name, List<String> command, Parser parser) {
        return new Source() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<SocketEntry> read() throws IOException {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                try (InputStream out = process.getInputStream()) {
                    String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                    process.waitFor(5, TimeUnit.SECONDS);
                    return parser.parse(text.lines().toList());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(name + " was interrupted", e);
                } finally {
                    process.destroy();
                }
            }
        };
    }

    private static boolean runs(String... command) {
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return probe.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every socket the source lists. */
    public Snapshot all() {
        return take(null);
    }

    /** The sockets with {@code port} at either end. */
    public Snapshot onPort(int port) {
        return take(e -> e.local().getPort() == port || e.remote().getPort() == port);
    }

    /**
     * This process's sockets and what they left in the kernel: entries it owns, entries on a local
     * port it uses or used (a connection in the accept queue, TIME-WAIT), and connections to one of its
     * listening ports. Where the source cannot tell which sockets are ours, every socket is shown.
     */
    public synchronized Snapshot ofThisProcess() {
        if (source == null) {
            return new Snapshot("", List.of(), unavailable);
        }
        Set<Long> inodes = source.ownInodes();
        List<SocketEntry> entries;
        try {
            entries = source.read();
        } catch (IOException | IllegalArgumentException e) {
            return new Snapshot(source.name(), List.of(), source.name() + ": " + e.getMessage());
        }
        if (inodes == null) {
            return new Snapshot(source.name(), entries, null);
        }
        Set<Integer> listening = new HashSet<>();
        for (SocketEntry entry : entries) {
            if (entry.inode() != 0 && inodes.contains(entry.inode())) {
                ourPorts.add(entry.local().getPort());
                if (entry.state().equals("LISTEN")) {
                    listening.add(entry.local().getPort());
                }
            }
        }
        List<SocketEntry> ours = new ArrayList<>();
        for (SocketEntry entry : entries) {
            boolean owned = entry.inode() != 0 && inodes.contains(entry.inode());
            boolean leftBehind = entry.inode() == 0 && ourPorts.contains(entry.local().getPort());
            boolean toOurListener = entry.tcp() && listening.contains(entry.remote().getPort());
            if (owned || leftBehind || toOurListener) {
                ours.add(entry);
            }
        }
        return new Snapshot(source.name(), ours, null);
    }

    private synchronized Snapshot take(java.util.function.Predicate<SocketEntry> keep) {
        if (source == null) {
            return new Snapshot("", List.of(), unavailable);
        }
        try {
            List<SocketEntry> entries = source.read();
            return new Snapshot(source.name(), keep == null ? entries : entries.stream().filter(keep).toList(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Snapshot(source.name(), List.of(), source.name() + ": " + e.getMessage());
        }
    }
}
