package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zips of submissions Canvas and Moodle let instructors download, unpacked one folder per student, and hostile ones refused. */
class SubmissionArchiveTest {
    @TempDir
    Path dir;

    @Test
    void canvasFilesBecomeOneFolderPerStudentNamedByNameAndUserId() throws Exception {
        byte[] handout = zip(Map.of("handout/exercises/06-send-all/src/exercise/send_all/Transfers.java", "class B {}",
                "handout/README.md", "readme"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("smithbob_340934_208490284_Transfers.java", "class A {}".getBytes(StandardCharsets.UTF_8));
        entries.put("wellslane_LATE_334244_394803489_handout.zip", handout);
        entries.put("leejoe_12_99_Transfers-1.java", "class C {}".getBytes(StandardCharsets.UTF_8));
        List<String> notes = new ArrayList<>();
        new SubmissionArchive(notes::add).unpack(write("submissions.zip", entries), dir.resolve("out"));
        assertEquals(List.of("leejoe_12", "smithbob_340934", "wellslane_334244"), folders(dir.resolve("out")));
        assertEquals("class A {}", Files.readString(dir.resolve("out/smithbob_340934/src/Transfers.java")));
        assertEquals("class C {}", Files.readString(dir.resolve("out/leejoe_12/src/Transfers.java")), "Canvas's -1 of a resubmission is dropped");
        // the one folder around a student's zip is not kept: their handout is their folder
        assertTrue(Files.isRegularFile(dir.resolve("out/wellslane_334244/exercises/06-send-all/src/exercise/send_all/Transfers.java")));
        assertEquals(List.of(), notes);
    }

    @Test
    void moodleFoldersAndFlatFilesBecomeOneFolderPerParticipant() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("王小明_1234567_assignsubmission_file_/src/exercise/send_all/Transfers.java", bytes("class A {}"));
        entries.put("Ann Lee_7654321_assignsubmission_file_Transfers.java", bytes("class B {}"));
        entries.put("Ann Lee_7654321_assignsubmission_onlinetext_onlinetext.html", bytes("<p>hi</p>"));
        new SubmissionArchive(s -> { }).unpack(write("moodle.zip", entries), dir.resolve("out"));
        assertEquals(List.of("Ann Lee_7654321", "王小明_1234567"), folders(dir.resolve("out")));
        assertTrue(Files.isRegularFile(dir.resolve("out/王小明_1234567/src/exercise/send_all/Transfers.java")));
        assertEquals("class B {}", Files.readString(dir.resolve("out/Ann Lee_7654321/src/Transfers.java")));
        try (Stream<Path> walk = Files.walk(dir.resolve("out"))) {
            assertTrue(walk.noneMatch(p -> p.toString().endsWith(".html")), "online text is not code");
        }
    }

    @Test
    void moodle41FoldersWithoutTheTrailingUnderscoreTeamsAndBlindMarkingGroupPerStudent() throws Exception {
        // mod/assign/classes/downloader.php: PREFIX_assignsubmission_TYPE + the file's path, one folder per plugin
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Ann Lee_7654321_assignsubmission_file/src/exercise/send_all/Transfers.java", bytes("class A {}"));
        entries.put("Ann Lee_7654321_assignsubmission_onlinetext/onlinetext.html", bytes("<p>see my code</p>"));
        entries.put("Ann Lee_7654321_assignsubmission_comments/comments.html", bytes("<p>late, sorry</p>"));
        entries.put("Team Red_42_assignsubmission_file/Transfers.java", bytes("class B {}"));
        entries.put("Participant_8823401_assignsubmission_file/handout.zip",
                zip(Map.of("socketlab-handout/exercises/06-send-all/src/exercise/send_all/Transfers.java", "class C {}")));
        new SubmissionArchive(s -> { }).unpack(write("moodle41.zip", entries), dir.resolve("out"));
        assertEquals(List.of("Ann Lee_7654321", "Participant_8823401", "Team Red_42"), folders(dir.resolve("out")),
                "online text and comments are the same student's, not students of their own");
        assertEquals("class A {}", Files.readString(dir.resolve("out/Ann Lee_7654321/src/exercise/send_all/Transfers.java")));
        assertEquals("class B {}", Files.readString(dir.resolve("out/Team Red_42/src/Transfers.java")));
        assertEquals("class C {}", Files.readString(dir.resolve("out/Participant_8823401/exercises/06-send-all/src/exercise/send_all/Transfers.java")));
        try (Stream<Path> walk = Files.walk(dir.resolve("out"))) {
            assertTrue(walk.noneMatch(p -> p.toString().endsWith(".html")), "online text and comments are not code");
        }
    }

    @Test
    void canvasAnonymousGradingNamesFilesByAnonymousIdAndTextEntriesAreNotCode() throws Exception {
        // lib/content_zipper.rb: [sortable name or nothing, LATE, user id or anon_ID] joined by _, then _ATTACHMENTID_file
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("anon_Gx8Ab_208490284_Transfers.java", bytes("class A {}"));
        entries.put("LATE_anon_K2mQp_208490285_Transfers-2.java", bytes("class B {}"));
        entries.put("smithbob_340934_text.html", bytes("<p>typed in the browser</p>"));
        new SubmissionArchive(s -> { }).unpack(write("anonymous.zip", entries), dir.resolve("out"));
        assertEquals(List.of("anon_Gx8Ab", "anon_K2mQp"), folders(dir.resolve("out")));
        assertEquals("class B {}", Files.readString(dir.resolve("out/anon_K2mQp/src/Transfers.java")));
        assertTrue(Files.isRegularFile(dir.resolve("out/anon_Gx8Ab/src/Transfers.java")));
    }

    @Test
    void aSymbolicLinkInAnArchiveMadeByZipIsRefused() throws Exception {
        // the archive as Info-ZIP writes it for a link (zip --symlinks), not patched by hand
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/zip").canExecute(), "needs the zip tool");
        Path tree = Files.createDirectories(dir.resolve("tree/alice/src"));
        Files.writeString(tree.resolve("A.java"), "class A {}");
        Files.createSymbolicLink(tree.resolve("passwd.java"), Path.of("/etc/passwd"));
        Path zip = dir.resolve("real-links.zip");
        Process p = new ProcessBuilder("zip", "-q", "-r", "--symlinks", zip.toString(), "alice").directory(dir.resolve("tree").toFile())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, new String(p.getInputStream().readAllBytes()));
        SubmissionArchive.Refused refused = assertThrows(SubmissionArchive.Refused.class, () -> new SubmissionArchive(s -> { }).unpack(zip, dir.resolve("out")));
        assertEquals("link", refused.why());
        assertEquals("alice/src/passwd.java", refused.entry());
    }

    @Test
    void anEntryThatLeavesTheFolderRefusesTheWholeArchiveAndWritesNothingOutside() throws Exception {
        for (String evil : List.of("alice/../../escaped.java", "/etc/escaped.java", "C:/escaped.java")) {
            Path target = dir.resolve("out-" + Math.abs(evil.hashCode()));
            Path zip = write("slip.zip", Map.of("alice/src/A.java", bytes("class A {}"), evil, bytes("gotcha")));
            SubmissionArchive.Refused refused = assertThrows(SubmissionArchive.Refused.class, () -> new SubmissionArchive(s -> { }).unpack(zip, target));
            assertEquals("leaves", refused.why(), evil);
            assertEquals(evil, refused.entry());
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            assertTrue(walk.noneMatch(p -> p.getFileName().toString().equals("escaped.java")));
        }
    }

    @Test
    void aLinkEntryIsRefusedAndInAStudentsOwnZipLeftOutAndNamed() throws Exception {
        Path zip = write("links.zip", Map.of("alice/src/A.java", bytes("class A {}"), "alice/src/secret.java", bytes("/etc/passwd")));
        markAsLink(zip, "alice/src/secret.java");
        assertEquals(java.util.Set.of("alice/src/secret.java"), SubmissionArchive.links(zip));
        SubmissionArchive.Refused refused = assertThrows(SubmissionArchive.Refused.class, () -> new SubmissionArchive(s -> { }).unpack(zip, dir.resolve("a")));
        assertEquals("link", refused.why());

        Map<String, byte[]> canvas = Map.of("bob_1_2_mine.zip", Files.readAllBytes(zip));
        List<String> notes = new ArrayList<>();
        new SubmissionArchive(notes::add).unpack(write("canvas.zip", canvas), dir.resolve("b"));
        assertEquals(List.of("bob_1: alice/src/secret.java: link"), notes);
        assertTrue(Files.isRegularFile(dir.resolve("b/bob_1/src/A.java")), "the rest of the student's zip is there");
        assertFalse(Files.exists(dir.resolve("b/bob_1/src/secret.java")));
    }

    @Test
    void anEntryLargerThanTheLimitIsRefusedWhateverItsHeaderClaims() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("alice/src/Big.java"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= SubmissionArchive.MAX_ENTRY_BYTES / zeros.length; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(Files.size(zip) < 1024 * 1024, "zeros compress to almost nothing");
        SubmissionArchive.Refused refused = assertThrows(SubmissionArchive.Refused.class, () -> new SubmissionArchive(s -> { }).unpack(zip, dir.resolve("c")));
        assertEquals("size", refused.why());
        assertFalse(Files.exists(dir.resolve("c/alice/src/Big.java")), "the partial file is removed");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(bytes(e.getValue()));
                out.closeEntry();
            }
        }
        return buffer.toByteArray();
    }

    private Path write(String name, Map<String, byte[]> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** Marks an entry as a Unix symbolic link in the central directory, as {@code zip --symlinks} writes it. */
    private static void markAsLink(Path zip, String entry) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        byte[] name = bytes(entry);
        for (int at = 0; at + 46 < b.length; at++) {
            if (b[at] == 0x50 && b[at + 1] == 0x4b && b[at + 2] == 0x01 && b[at + 3] == 0x02
                    && java.util.Arrays.equals(b, at + 46, at + 46 + name.length, name, 0, name.length)) {
                b[at + 5] = 3;
                int mode = 0120777 << 16;
                for (int i = 0; i < 4; i++) {
                    b[at + 38 + i] = (byte) (mode >>> (8 * i));
                }
            }
        }
        Files.write(zip, b);
    }

    private static List<String> folders(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
