package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typical wrong answers to the course's own exercises, checked as a learner checks them: the
 * verdict names the mistake, in English and in Chinese, and agrees with the statement.
 */
class LearnerMistakesTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();

    @TempDir
    Path learner;

    /** Mistakes are made by editing the reference solution, which a student handout does not have. */
    @BeforeEach
    void needsTheInstructorCourse() {
        Assumptions.assumeTrue(Files.isDirectory(COURSE.resolve("exercises/05-chat-client/solution")));
    }

    @Test
    void aChatClientThatSendsALineOfSpacesIsToldThatSuchALineIsBlankToo() throws Exception {
        Exercise chat = exercise("05-chat-client");
        // skips "" but sends "   ", as a learner who tests line.isEmpty() does
        write(chat, "exercise/chat_client/ChatClient.java", "String message = line.strip();", "String message = line;");

        String english = failure(chat, Lang.EN, "skipsEmptyLinesInsteadOfSendingThem");
        assertTrue(english.startsWith("blank lines must not be sent, and a line of only spaces is blank too"), english);
        String chinese = failure(chat, Lang.ZH, "skipsEmptyLinesInsteadOfSendingThem");
        assertTrue(chinese.startsWith("空白行不能发送，只有空格的行也算空白行"), chinese);

        // the statement says the same, so a learner who reads it first does not make the mistake
        assertTrue(Files.readString(chat.dir().resolve("README.md")).contains("only spaces"));
        assertTrue(Files.readString(chat.dir().resolve("README.zh.md")).contains("只有空格"));
    }

    @Test
    void aGroupChatThatEchoesALineToItsSenderIsToldSo() throws Exception {
        Exercise chat = exercise("08-group-chat");
        // one thread per client as asked, but every line goes to everyone, the sender first
        write("exercise/group_chat/GroupChatServer.java", """
                package exercise.group_chat;

                import java.io.*;
                import java.net.*;
                import java.nio.charset.StandardCharsets;
                import java.util.List;
                import java.util.concurrent.CopyOnWriteArrayList;

                public final class GroupChatServer {
                    public static void serve(ServerSocket listening) throws IOException {
                        List<Socket> room = new CopyOnWriteArrayList<>();
                        try {
                            while (true) {
                                Socket client = listening.accept();
                                room.add(client);
                                client.getOutputStream().write("welcome\\n".getBytes(StandardCharsets.UTF_8));
                                new Thread(() -> relay(client, room)).start();
                            }
                        } catch (SocketException closed) {
                            for (Socket client : room) {
                                client.close();
                            }
                        }
                    }

                    private static void relay(Socket client, List<Socket> room) {
                        try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line; (line = in.readLine()) != null; ) {
                                for (Socket everyone : room) {
                                    synchronized (everyone) {
                                        everyone.getOutputStream().write((line + "\\n").getBytes(StandardCharsets.UTF_8));
                                    }
                                }
                            }
                        } catch (IOException gone) {
                            room.remove(client);
                        }
                    }
                }
                """);

        String english = failure(chat, Lang.EN, "aLineFromOneClientReachesTheOthers");
        assertTrue(english.startsWith("client 1 sent \"hello room\", then client 3 sent \"hi back\": client 1 should hear only \"hi back\";"
                + " a line goes to every other client, never back to the one that sent it\n"), english);
        assertTrue(english.contains("[client] received \"hello ro\" (8 bytes)"), english);
        String chinese = failure(chat, Lang.ZH, "aLineFromOneClientReachesTheOthers");
        assertTrue(chinese.startsWith("客户端 1 发送了 \"hello room\"，随后客户端 3 发送了 \"hi back\"：客户端 1 应该只收到 \"hi back\"；"), chinese);
    }

    @Test
    void aFrameReaderThatThrowsAtTheCleanEndIsToldToReturnNull() throws Exception {
        Exercise framing = exercise("07-framing");
        write("exercise/framing/FrameException.java", Files.readString(framing.srcDir().resolve("exercise/framing/FrameException.java")));
        // DataInputStream.readInt, as the hint's writeInt suggests: it throws EOFException at the end of the stream
        write("exercise/framing/LengthPrefixFraming.java", """
                package exercise.framing;

                import java.io.*;

                public final class LengthPrefixFraming {
                    public static void writeFrame(OutputStream out, byte[] payload) throws IOException {
                        DataOutputStream data = new DataOutputStream(out);
                        data.writeInt(payload.length);
                        data.write(payload);
                        data.flush();
                    }

                    public static byte[] readFrame(InputStream in, int maxSize) throws IOException {
                        DataInputStream data = new DataInputStream(in);
                        int length = data.readInt();
                        if (length < 0 || length > maxSize) {
                            throw new FrameException("bad length " + length);
                        }
                        byte[] payload = new byte[length];
                        data.readFully(payload);
                        return payload;
                    }
                }
                """);

        String english = failure(framing, Lang.EN, "readsFramesDeliveredOneByteAtATime");
        assertEquals("after the last frame the stream ended cleanly, before any header byte: return null there instead of throwing"
                + " java.io.EOFException (at LengthPrefixFraming.java:15); DataInputStream.readInt throws it at the end of the stream,"
                + " so read the first header byte yourself and return null when read gives -1", english);
        String chinese = failure(framing, Lang.ZH, "readsFramesDeliveredOneByteAtATime");
        assertTrue(chinese.startsWith("最后一帧之后流正常结束了，还没有任何头部字节：这时应该返回 null，而不是抛出 java.io.EOFException（位于 LengthPrefixFraming.java:15）"),
                chinese);
    }

    @Test
    void aUdpServerThatThrowsIsShownAtItsLineAsTheOtherExercisesShowIt() throws Exception {
        Exercise udp = exercise("04-udp-upper");
        write("exercise/udp_upper/UdpUpperServer.java", """
                package exercise.udp_upper;

                import java.io.IOException;
                import java.net.DatagramPacket;
                import java.net.DatagramSocket;

                public final class UdpUpperServer {
                    public static void serve(DatagramSocket socket) throws IOException {
                        DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
                        socket.receive(packet);
                        throw new IllegalStateException("no reply written yet");
                    }
                }
                """);

        String english = failure(udp, Lang.EN, "repliesUpperCasedToTheSender");
        assertTrue(english.startsWith("client got no reply because the server threw IllegalStateException: no reply written yet"
                + " (at UdpUpperServer.java:11)\n"), english);
        String chinese = failure(udp, Lang.ZH, "repliesUpperCasedToTheSender");
        assertTrue(chinese.startsWith("[客户端] 没有收到回复，因为服务器抛出了 IllegalStateException: no reply written yet"
                + "（位于 UdpUpperServer.java:11）\n"), chinese);
    }

    @Test
    void aUdpReplyWithTheWholeBufferIsNotBlamedOnAMissingLoop() throws Exception {
        Exercise udp = exercise("04-udp-upper");
        // decodes the whole 1024-byte buffer: every reply carries NULs after the text
        write("exercise/udp_upper/UdpUpperServer.java", """
                package exercise.udp_upper;

                import java.io.IOException;
                import java.net.DatagramPacket;
                import java.net.DatagramSocket;
                import java.net.SocketException;
                import java.nio.charset.StandardCharsets;

                public final class UdpUpperServer {
                    public static void serve(DatagramSocket socket) throws IOException {
                        try {
                            while (true) {
                                DatagramPacket packet = new DatagramPacket(new byte[1024], 1024);
                                socket.receive(packet);
                                byte[] reply = new String(packet.getData(), StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8);
                                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                            }
                        } catch (SocketException closed) {
                            // closed: done
                        }
                    }
                }
                """);

        String english = failure(udp, Lang.EN, "answersEveryDatagramNotJustTheFirst");
        assertTrue(english.contains("[client] received \"ONE\" + \"\\x00\" * 1021 (1024 bytes)"), english);
        assertFalse(english.contains("loop"), english);
    }

    private static Exercise exercise(String id) {
        return ExerciseLoader.load(COURSE, new ArrayList<>()).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    /** The reference solution with {@code from} replaced by {@code to}, as the learner's src/. */
    private void write(Exercise exercise, String file, String from, String to) throws IOException {
        String solution = Files.readString(exercise.dir().resolve("solution").resolve(file));
        assertTrue(solution.contains(from), "the solution no longer has: " + from);
        Path target = learner.resolve("src").resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, solution.replace(from, to));
    }

    /** {@code source} as the learner's src/{@code file}. */
    private void write(String file, String source) throws IOException {
        Path target = learner.resolve("src").resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, source);
    }

    /** The message of {@code test}, which must fail, when the learner's code is checked in {@code lang}. */
    private String failure(Exercise exercise, Lang lang, String test) {
        CheckResult result = new ExerciseChecker(lang).run(exercise, List.of(learner.resolve("src"), exercise.testDir()), learner);
        TestResult failed = result.tests().stream().filter(t -> t.name().equals(test)).findFirst()
                .orElseThrow(() -> new AssertionError(result.message() + "\n" + result.output()));
        assertEquals("fail", failed.status(), failed.message());
        return failed.message();
    }
}
