package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.demo.sticky.PretendShell;
import io.socketlab.demo.sticky.StickyServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chapter 8's figures come from the sticky demo: the size of {@code dir}, how many 1024-byte reads it
 * takes, and what the read after it merges. The lesson's numbers (en and zh) must be these.
 */
@Timeout(60)
class StickyFiguresTest {
    private static final int READ_SIZE = 1024;
    private static final String[] EN_COUNTS = {"no", "one", "two", "three", "four", "five", "six"};
    private static final String[] ZH_COUNTS = {"零", "一", "两", "三", "四", "五", "六"};

    private static byte[] output(String command) {
        return PretendShell.run(command).getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] DIR = output("dir");
    private static final int LINES = (int) PretendShell.run("dir").lines().count();
    private static final int READS = (DIR.length + READ_SIZE - 1) / READ_SIZE;
    private static final int TAIL = DIR.length - (READS - 1) * READ_SIZE;
    private static final int MERGED = TAIL + output("whoami").length + output("date").length;

    @Test
    void theFiguresAreEightyLinesInFourReads() {
        // if the demo changes, this fails first; then update both lessons with the new figures
        assertEquals(80, LINES);
        assertEquals(3520, DIR.length);
        assertEquals(4, READS);
        assertEquals(448, TAIL);
        assertEquals(485, MERGED);
    }

    private static String lesson(String lang) throws IOException {
        // a soft line break may fall inside a phrase
        return Files.readString(Path.of("lessons", lang, "08-sticky-packets.md"), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");
    }

    private static void assertSays(String lang, String text, String phrase) {
        assertTrue(text.contains(phrase), "lessons/" + lang + "/08-sticky-packets.md should say \"" + phrase
                + "\" (the sticky demo's figure)");
    }

    @Test
    void theEnglishLessonStatesTheDemosFigures() throws IOException {
        String text = lesson("en");
        assertSays("en", text, String.format(Locale.ROOT, "%d lines, %,d bytes", LINES, DIR.length));
        assertSays("en", text, String.format(Locale.ROOT, "the first %,d bytes", READ_SIZE));
        assertSays("en", text, String.format(Locale.ROOT, "%,d bytes that did not fit", DIR.length - READ_SIZE));
        assertSays("en", text, EN_COUNTS[READS - 1] + " reads behind");
        assertSays("en", text, String.format(Locale.ROOT, "last %,d bytes of the listing", TAIL));
        assertSays("en", text, String.format(Locale.ROOT, "%,d bytes in one read", MERGED));
        assertFalse(text.contains("1,760"), "the old figure");
    }

    @Test
    void theChineseLessonStatesTheDemosFigures() throws IOException {
        String text = lesson("zh");
        assertSays("zh", text, String.format(Locale.ROOT, "%d 行、%,d 字节", LINES, DIR.length));
        assertSays("zh", text, String.format(Locale.ROOT, "前 %,d 字节", READ_SIZE));
        assertSays("zh", text, String.format(Locale.ROOT, "没装下的 %,d 字节", DIR.length - READ_SIZE));
        assertSays("zh", text, "晚了" + ZH_COUNTS[READS - 1] + "次读取");
        assertSays("zh", text, String.format(Locale.ROOT, "最后 %,d 字节", TAIL));
        assertSays("zh", text, String.format(Locale.ROOT, "一次读到 %,d 字节", MERGED));
        assertFalse(text.contains("1,760") || text.contains("1760"), "the old figure");
    }

    /** One recv(1024), as the demo's naive client makes after each command. */
    private static byte[] recv1024(InputStream in) throws IOException {
        byte[] buffer = new byte[READ_SIZE];
        int n = in.read(buffer);
        return n < 0 ? new byte[0] : Arrays.copyOf(buffer, n);
    }

    private static void send(Socket client, String command) throws IOException {
        client.getOutputStream().write(command.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDemoServersRepliesFallBehindAndThenMerge() throws Exception {
        AtomicReference<ServerSocket> listening = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread server = new Thread(() -> {
            try {
                ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                listening.set(socket);
                ready.countDown();
                StickyServer.serve(socket);
            } catch (IOException stopped) {
                ready.countDown();
            }
        }, "sticky-server-under-test");
        server.start();
        try {
            assertTrue(ready.await(5, TimeUnit.SECONDS), "the sticky server did not start");
            try (Socket client = new Socket("127.0.0.1", listening.get().getLocalPort())) {
                client.setSoTimeout(Loopback.WAIT_MS);
                InputStream in = client.getInputStream();
                // a person types more slowly than loopback answers: every earlier reply is in before a read
                send(client, "dir");
                Loopback.awaitAvailable(in, DIR.length);
                assertEquals(new String(DIR, 0, READ_SIZE, StandardCharsets.UTF_8),
                        new String(recv1024(in), StandardCharsets.UTF_8), "dir's reply: the first 1024 bytes");
                send(client, "whoami");
                Loopback.awaitAvailable(in, DIR.length - READ_SIZE + output("whoami").length);
                assertEquals(new String(DIR, READ_SIZE, READ_SIZE, StandardCharsets.UTF_8),
                        new String(recv1024(in), StandardCharsets.UTF_8), "whoami's reply: more of the listing");
                send(client, "date");
                Loopback.awaitAvailable(in, DIR.length - 2 * READ_SIZE + output("whoami").length
                        + output("date").length);
                assertEquals(new String(DIR, 2 * READ_SIZE, READ_SIZE, StandardCharsets.UTF_8),
                        new String(recv1024(in), StandardCharsets.UTF_8), "date's reply: still the listing");
                String merged = new String(DIR, 3 * READ_SIZE, TAIL, StandardCharsets.UTF_8)
                        + PretendShell.run("whoami") + PretendShell.run("date");
                assertEquals(merged, new String(recv1024(in), StandardCharsets.UTF_8),
                        "the next read: the end of the listing and the two waiting answers, merged");
            }
        } finally {
            if (listening.get() != null) {
                listening.get().close();
            }
            server.join(20_000);
        }
        assertFalse(server.isAlive(), "server thread still running");
    }
}
