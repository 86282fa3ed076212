package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.TestFiles;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox as an instructor without root has it: {@code grade --sandbox on} run as the
 * {@code nobody} user, where bubblewrap makes a user namespace of its own instead of switching to
 * a uid of its own. The course is readable by everyone, as a course on a shared machine is, so
 * only the sandbox keeps its hidden tests from the learner's code; this machine's loopback and the
 * processes the code leaves behind are checked as in {@link HostileSubmissionsTest}.
 */
class NonRootSandboxTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();
    private static final Path SUBMISSIONS = COURSE.resolve("src/test/resources/submissions");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final String NOBODY = "65534";

    @Test
    void gradesAsAUserWithoutRootKeepTheSandbox(@TempDir Path temp) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "run as root, to become nobody");
        Assumptions.assumeTrue(Files.isExecutable(SETPRIV), "setpriv (util-linux) switches to nobody");
        Assumptions.assumeTrue(Sandbox.unavailableReason() == null, () -> "no sandbox here: " + Sandbox.unavailableReason());
        Assumptions.assumeTrue(Files.isDirectory(COURSE.resolve("exercises/06-send-all/hidden")), "the instructor course");
        // what nobody may read: the course and this build's class path, copied out of root's home
        Path course = temp.resolve("course");
        for (String part : List.of("lessons", "exercises", "python", "src/main/java", "src/test/java")) {
            TestFiles.copyTree(COURSE.resolve(part), course.resolve(part));
        }
        List<String> classPath = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (Files.isDirectory(from)) {
                classPath.add(TestFiles.copyTree(from, temp.resolve("cp/" + n++)).toString());
            } else if (Files.isRegularFile(from)) {
                Path to = Files.createDirectories(temp.resolve("cp")).resolve(n++ + "-" + from.getFileName());
                classPath.add(Files.copy(from, to).toString());
            }
        }
        Path hidden = course.resolve("exercises/06-send-all/hidden/exercise/send_all/TransfersHiddenTest.java");
        assertTrue(Files.isRegularFile(hidden));

        try (ServerSocket outside = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path submissions = temp.resolve("submissions");
            TestFiles.copyTree(SUBMISSIONS.resolve("correct"), submissions.resolve("correct"));
            TestFiles.copyTree(SUBMISSIONS.resolve("wrong"), submissions.resolve("wrong"));
            TestFiles.copyTree(SUBMISSIONS.resolve("detached-process"), submissions.resolve("detached-process"));
            Path connects = TestFiles.copyTree(SUBMISSIONS.resolve("connects-outside"), submissions.resolve("connects-outside"))
                    .resolve("src/exercise/send_all/Transfers.java");
            Files.writeString(connects, Files.readString(connects).replace("OUTSIDE_PORT = 9;", "OUTSIDE_PORT = " + outside.getLocalPort() + ";"));
            // correct code that also tries to read the course's hidden tests by their absolute path
            Path snoops = Files.createDirectories(submissions.resolve("reads-the-course/src/exercise/send_all")).resolve("Transfers.java");
            String correct = Files.readString(SUBMISSIONS.resolve("correct/src/exercise/send_all/Transfers.java"));
            int body = correct.indexOf('{', correct.indexOf("class Transfers")) + 1;
            Files.writeString(snoops, correct.substring(0, body) + "\n    static {\n        try {\n"
                    + "            java.nio.file.Files.readString(java.nio.file.Path.of(\"" + hidden + "\"));\n"
                    + "            System.out.println(\"HIDDEN-READ\");\n"
                    + "        } catch (java.io.IOException e) {\n            System.out.println(\"HIDDEN-UNREADABLE \" + e);\n        }\n    }\n"
                    + correct.substring(body));

            Path out = temp.resolve("out");
            Path tmp = Files.createDirectories(temp.resolve("tmp"));
            open(temp);
            List<String> command = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp,
                    "-Duser.home=" + tmp, "-cp", String.join(File.pathSeparator, classPath),
                    "io.socketlab.cli.Main", "--course", course.toString(), "grade", "--sandbox", "on", "--exercise", "06",
                    "--jobs", "2", "--out", out.toString(), submissions.toString()));
            Path log = temp.resolve("grade.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("HOME", tmp.toString());
            Process grade = builder.start();
            try {
                assertTrue(grade.waitFor(300, TimeUnit.SECONDS), "grade did not finish");
            } finally {
                grade.destroyForcibly();
            }
            String said = Files.readString(log);
            assertFalse(said.contains("not protected") || said.contains("sandbox cannot"), said);
            List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"), StandardCharsets.UTF_8);
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("correct,10,10,pass,")), said);
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("wrong,") && r.contains(",fail,")), rows::toString);
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("reads-the-course,10,10,pass,")), rows::toString);
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("detached-process,10,10,pass,")), rows::toString);

            String snooped = Files.readString(out.resolve("results/reads-the-course/results.json"));
            assertTrue(snooped.contains("HIDDEN-UNREADABLE"), snooped);
            assertFalse(snooped.contains("HIDDEN-READ"), snooped);
            String connected = Files.readString(out.resolve("results/connects-outside/results.json"));
            assertTrue(connected.contains("OUTSIDE-REFUSED"), connected);
            outside.setSoTimeout(200);
            try {
                outside.accept().close();
                throw new AssertionError("the learner's code, run by nobody, connected to this machine's loopback\n" + connected);
            } catch (SocketTimeoutException expected) {
                // nothing came
            }
            assertEquals(List.of(), HostileSubmissionsTest.sleepers());
        } finally {
            HostileSubmissionsTest.sleepers().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    /** Lets nobody read every file under {@code dir} and write in its folders (a test's folder, thrown away after). */
    private static void open(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-r--r--"));
            }
        }
    }
}
