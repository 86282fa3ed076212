package io.socketlab.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks the zip of submissions an LMS lets instructors download into one folder per student, so
 * that {@code grade} reads it as any other folder of submissions.
 * <ul>
 *   <li>Canvas puts every submitted file at the top of the archive as
 *       {@code name_USERID_ATTACHMENTID_file} ({@code name_LATE_USERID_...} when late,
 *       {@code anon_ANONYMOUSID_...} when graded anonymously, the folder then {@code anon_ANONYMOUSID}), and adds
 *       {@code -1}, {@code -2} before the extension of a file submitted again; the folder is
 *       {@code name_USERID}, a submitted zip is unpacked into it, a {@code .java} file goes to its
 *       {@code src/} under its own name.</li>
 *   <li>Moodle makes one folder per student, {@code Full Name_PARTICIPANTID_assignsubmission_file}
 *       (with a trailing {@code _} before Moodle 4.1; or, without folders, that prefix and {@code _}
 *       before each file name); the folder is {@code Full Name_PARTICIPANTID}. Online text,
 *       comments and feedback files are left out.</li>
 *   <li>Any other archive: each top-level folder is a student.</li>
 * </ul>
 * Nothing leaves the target folder: an entry with {@code ..}, an absolute path, a link, more than
 * {@link #MAX_ENTRY_BYTES} or in all more than {@link #MAX_TOTAL_BYTES} unpacked refuses the whole
 * archive ({@link Refused}); in a student's own zip it is left out and reported.
 */
public final class SubmissionArchive {
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;
    static final int MAX_ENTRIES = 50_000;
    /** Canvas ({@code lib/content_zipper.rb}): {@code sortablename_[LATE_]USERID_ATTACHMENTID_file}. */
    private static final Pattern CANVAS = Pattern.compile("^(.+?)_(?:LATE_)?(\\d+)_(\\d+)_(.+)$");
    /** Canvas with anonymous grading: no name, {@code [LATE_]anon_ANONYMOUSID_ATTACHMENTID_file}. */
    private static final Pattern CANVAS_ANONYMOUS = Pattern.compile("^(?:LATE_)?(anon_[A-Za-z0-9]+)_(\\d+)_(.+)$");
    /**
     * Moodle ({@code mod/assign/classes/downloader.php}): {@code Full Name_ID_assignsubmission_TYPE}
     * as a folder (Moodle 4.1 on; {@code ..._TYPE_} before), or {@code ..._TYPE_file} without folders;
     * the name has no {@code _} of its own (Moodle makes them spaces), a team's is {@code Group_ID}.
     */
    private static final Pattern MOODLE = Pattern.compile("^(.+?)_assign(submission|feedback)_([a-z0-9]+)(?:_(.*))?$");
    /** Canvas's mark of a file submitted again: {@code Transfers-1.java}. */
    private static final Pattern RESUBMITTED = Pattern.compile("^(.+)-\\d+(\\.java)$");
    private static final int UNIX_HOST = 3;
    private static final int LINK_MODE = 0120000;
    private static final int TYPE_MASK = 0170000;

    /** The archive cannot be unpacked safely; nothing of it is graded. */
    public static final class Refused extends IOException {
        private final String entry;
        private final String why;

        Refused(String entry, String why) {
            super(entry + ": " + why);
            this.entry = entry;
            this.why = why;
        }

        /** The entry's name as the archive has it. */
        public String entry() {
            return entry;
        }

        /** {@code leaves}, {@code link}, {@code size} or {@code count}. */
        public String why() {
            return why;
        }
    }

    private final Consumer<String> notes;
    private long unpacked;

    /** @param notes hears of each entry of a student's own zip that was left out, in a line naming both */
    public SubmissionArchive(Consumer<String> notes) {
        this.notes = notes;
    }

    /** True for a file whose name says it is a zip archive. */
    public static boolean isArchive(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
    }

    /** Unpacks {@code zip} into {@code target} (created), one folder per student; returns how many student folders. */
    public int unpack(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        Set<String> links = links(zip);
        Set<String> students = new HashSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = file.stream().toList();
            if (entries.size() > MAX_ENTRIES) {
                throw new Refused(zip.getFileName().toString(), "count");
            }
            for (ZipEntry entry : entries) {
                String name = entry.getName().replace('\\', '/');
                checkName(name, links.contains(entry.getName()));
                if (entry.isDirectory() || ignored(name)) {
                    continue;
                }
                Placed placed = place(name);
                if (placed == null) {
                    continue;
                }
                Path folder = inside(target, placed.student(), name);
                students.add(placed.student());
                if (placed.path().toLowerCase(java.util.Locale.ROOT).endsWith(".zip") && !placed.path().contains("/")) {
                    Path nested = Files.createTempFile(target, ".nested", ".zip");
                    try {
                        try (InputStream in = file.getInputStream(entry)) {
                            copy(in, nested, name);
                        }
                        unpackStudentZip(nested, folder, placed.student());
                    } finally {
                        Files.deleteIfExists(nested);
                    }
                } else {
                    Path to = inside(folder, placed.path(), name);
                    Files.createDirectories(to.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        copy(in, to, name);
                    }
                }
            }
        }
        return students.size();
    }

    /** Where an entry of the instructor's archive goes: its student's folder and the path inside it; null for none. */
    record Placed(String student, String path) {
    }

    static Placed place(String name) {
        int slash = name.indexOf('/');
        String top = slash < 0 ? name : name.substring(0, slash);
        String rest = slash < 0 ? "" : name.substring(slash + 1);
        Matcher moodle = MOODLE.matcher(top);
        if (moodle.matches()) {
            // only what students submitted as files: not online text, comments or feedback
            if (!moodle.group(2).equals("submission") || !moodle.group(3).equals("file")) {
                return null;
            }
            String file = moodle.group(4) == null ? "" : moodle.group(4);
            if (slash >= 0 && !file.isEmpty()) {
                return null;
            }
            String path = slash < 0 ? file : rest;
            return path.isEmpty() ? null : new Placed(moodle.group(1), javaToSrc(path));
        }
        Matcher anonymous = CANVAS_ANONYMOUS.matcher(top);
        if (slash < 0 && anonymous.matches()) {
            return new Placed(anonymous.group(1), javaToSrc(withoutResubmission(anonymous.group(3))));
        }
        Matcher canvas = CANVAS.matcher(top);
        if (slash < 0 && canvas.matches()) {
            return new Placed(canvas.group(1) + "_" + canvas.group(2), javaToSrc(withoutResubmission(canvas.group(4))));
        }
        return slash < 0 || rest.isEmpty() ? null : new Placed(top, rest);
    }

    /** {@code Transfers.java} for Canvas's {@code Transfers-1.java} (no Java class has a {@code -} in its name). */
    private static String withoutResubmission(String submitted) {
        Matcher again = RESUBMITTED.matcher(submitted);
        return again.matches() ? again.group(1) + again.group(2) : submitted;
    }

    /** A loose {@code .java} file is the student's source: it goes into {@code src/}. */
    private static String javaToSrc(String path) {
        return !path.contains("/") && path.endsWith(".java") ? "src/" + path : path;
    }

    /** A student's own zip: their exercise folder or handout, maybe inside one folder of its own. */
    private void unpackStudentZip(Path zip, Path folder, String student) throws IOException {
        Set<String> links = links(zip);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = file.stream().filter(e -> !e.isDirectory()).toList();
            String strip = commonTop(entries.stream().map(e -> e.getName().replace('\\', '/')).filter(n -> !ignored(n)).toList());
            for (ZipEntry entry : entries) {
                String name = entry.getName().replace('\\', '/');
                if (ignored(name)) {
                    continue;
                }
                try {
                    checkName(name, links.contains(entry.getName()));
                    Path to = inside(folder, name.substring(strip.length()), name);
                    Files.createDirectories(to.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        copy(in, to, name);
                    }
                } catch (Refused refused) {
                    if (refused.why().equals("count")) {
                        throw refused;
                    }
                    notes.accept(student + ": " + name + ": " + refused.why());
                }
            }
        }
    }

    /** The one folder every entry lies in ({@code handout/}), or empty when there is none or it is the exercise's src/. */
    private static String commonTop(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        int slash = names.get(0).indexOf('/');
        if (slash < 0) {
            return "";
        }
        String top = names.get(0).substring(0, slash + 1);
        if (top.equals("src/") || top.equals("exercises/")) {
            return "";
        }
        return names.stream().allMatch(n -> n.startsWith(top)) ? top : "";
    }

    /** Mac archives carry resource forks and Finder files beside the real ones. */
    private static boolean ignored(String name) {
        return name.startsWith("__MACOSX/") || name.contains("/__MACOSX/") || name.endsWith(".DS_Store");
    }

    private static void checkName(String name, boolean link) throws Refused {
        if (link) {
            throw new Refused(name, "link");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\0")) {
            throw new Refused(name, "leaves");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new Refused(name, "leaves");
            }
        }
    }

    /** {@code base/relative}, refused when it would lie outside {@code base}. */
    private static Path inside(Path base, String relative, String entry) throws Refused {
        Path to = base.resolve(relative).normalize();
        if (!to.startsWith(base.normalize()) || to.equals(base.normalize())) {
            throw new Refused(entry, "leaves");
        }
        return to;
    }

    /** Copies at most {@link #MAX_ENTRY_BYTES}, counting what was really unpacked, not what the entry claims. */
    private void copy(InputStream in, Path to, String entry) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(to)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                unpacked += n;
                if (written > MAX_ENTRY_BYTES || unpacked > MAX_TOTAL_BYTES) {
                    out.close();
                    Files.deleteIfExists(to);
                    throw new Refused(entry, "size");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /**
     * The names of the entries that are symbolic links, read from the central directory (the
     * zip API does not show an entry's Unix mode). Empty for an archive made elsewhere than Unix.
     */
    static Set<String> links(Path zip) throws IOException {
        Set<String> links = new HashSet<>();
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "r")) {
            long length = file.length();
            int tail = (int) Math.min(length, 65_557);
            byte[] end = new byte[tail];
            file.seek(length - tail);
            file.readFully(end);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (u32(end, i) == 0x06054b50L) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                return links;
            }
            int count = u16(end, eocd + 10);
            long size = u32(end, eocd + 12);
            long offset = u32(end, eocd + 16);
            if (offset + size > length || size > Integer.MAX_VALUE) {
                return links;
            }
            byte[] directory = new byte[(int) size];
            file.seek(offset);
            file.readFully(directory);
            int at = 0;
            for (int i = 0; i < count && at + 46 <= directory.length && u32(directory, at) == 0x02014b50L; i++) {
                int host = (directory[at + 5] & 0xff);
                int nameLength = u16(directory, at + 28);
                int extraLength = u16(directory, at + 30);
                int commentLength = u16(directory, at + 32);
                long external = u32(directory, at + 38);
                // decoded as ZipFile decodes names, so the two agree on every entry
                String name = new String(directory, at + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
                if (host == UNIX_HOST && ((external >>> 16) & TYPE_MASK) == LINK_MODE) {
                    links.add(name);
                }
                at += 46 + nameLength + extraLength + commentLength;
            }
        }
        return links;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xffffffffL;
    }
}
