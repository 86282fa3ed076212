package io.socketlab.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.course.Course;
import io.socketlab.course.CourseLoader;
import io.socketlab.demo.Demos;
import io.socketlab.i18n.Lang;
import io.socketlab.progress.ProgressStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sockets view, typed in the shell and inside the states demo while it runs, on a terminal built on streams. */
@Timeout(60)
class SocketsViewTest {
    @TempDir
    Path root;

    @BeforeEach
    void course() throws IOException {
        for (String lang : List.of("en", "zh")) {
            Path file = root.resolve("lessons/" + lang + "/13-live-sockets.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "---\ntitle: Live sockets\ndemos: [states]\n---\n\nBody.\n");
        }
    }

    private String session(Lang lang, String... steps) throws Exception {
        Course course = new CourseLoader(Demos.ids()).load(root);
        ProgressStore store = new ProgressStore(root, w -> { });
        SocketsView sockets = new SocketsView(false);
        return ShellDriver.session(terminal -> new Shell(terminal, course, lang, store,
                new Shell.Settings(false, true, root.resolve(".socketlab/history")),
                List.of(new DemoExtension(course, false, store, List.of(sockets)), sockets)), steps);
    }

    /** The part of the screen after the {@code n}-th (from 1) occurrence of {@code marker}. */
    private static String after(String screen, String marker, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = screen.indexOf(marker, at + 1);
            assertTrue(at >= 0, "no " + n + " x '" + marker + "' in " + screen);
        }
        return screen.substring(at);
    }

    private static void hasRow(String part, String regex) {
        assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(part).find(), "no row like " + regex + " in:\n" + part);
    }

    @Test
    void insideTheStatesDemoTheViewShowsTheQueueCloseWaitFinWaitAndTimeWait() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net: not Linux");
        String screen = session(Lang.EN, "run\r", "fill\r", "sockets\r", "accept\r", "close\r", "sockets\r",
                "close server\r", "sockets\r", "stop\r", "sockets\r", "sockets x\r", "quit\r");
        assertTrue(screen.contains("Type sockets to see the kernel's table of this demo's sockets"), screen);
        String heading = "The kernel's sockets of this process and what they left behind (from /proc/net):";
        String port = screen.replaceAll("(?s).*lazy server on port (\\d+),.*", "$1");
        String first = after(screen, heading, 1);
        hasRow(first, "^  Netid\\s+State\\s+Recv-Q\\s+Send-Q\\s+Local Address:Port\\s+Peer Address:Port");
        hasRow(first, "^  tcp6?\\s+LISTEN\\s+2\\s+-\\s+\\S+:" + port + "\\s+\\*:\\*");
        hasRow(first, "^  tcp6?\\s+SYN-SENT\\s+\\d+\\s+\\d+\\s+\\S+:\\d+\\s+\\S+:" + port + "$");
        String second = after(screen, heading, 2);
        hasRow(second, "^  tcp6?\\s+CLOSE-WAIT\\s+\\d+\\s+\\d+\\s+\\S+:" + port + "\\s");
        // one snapshot, taken at once after close: on a busy machine the FIN's acknowledgement may not
        // have been processed yet (FIN-WAIT-1, Send-Q 1); that FIN-WAIT-2 follows is awaited in
        // NamesAndStatesDemoTest and SocketTableTest
        hasRow(second, "^  tcp6?\\s+FIN-WAIT-[12]\\s+\\d+\\s+\\d+\\s+\\S+:\\d+\\s+\\S+:" + port + "$");
        hasRow(after(screen, heading, 3), "^  tcp6?\\s+TIME-WAIT\\s+\\d+\\s+\\d+\\s+\\S+:\\d+\\s+\\S+:" + port + "$");
        String afterStop = after(screen, "Demo stopped", 1);
        hasRow(afterStop, "^  tcp6?\\s+TIME-WAIT\\s");
        assertTrue(afterStop.contains("Usage: sockets, sockets all, or sockets PORT"), afterStop);
    }

    @Test
    void socketsPortAndSocketsAllShowASocketThisProcessDidNotOpenThroughTheShell() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net: not Linux");
        try (java.net.ServerSocket other = new java.net.ServerSocket()) {
            other.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
            String port = String.valueOf(other.getLocalPort());
            String screen = session(Lang.EN, "sockets " + port + "\r", "sockets all\r", "quit\r");
            String byPort = after(screen, "The kernel's sockets with port " + port + " at either end (from /proc/net):", 1);
            hasRow(byPort, "^  tcp6?\\s+LISTEN\\s+0\\s+-\\s+\\S+:" + port + "\\s+\\*:\\*");
            hasRow(byPort, "^For a LISTEN socket, Recv-Q is the accept queue");
            String all = after(screen, "Every socket the kernel lists (from /proc/net):", 1);
            hasRow(all, "^  tcp6?\\s+LISTEN\\s+0\\s+-\\s+\\S+:" + port + "\\s");
        }
    }

    @Test
    void theViewSpeaksChineseAndTheHelpListsIt() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "no /proc/net: not Linux");
        String screen = session(Lang.ZH, "help\r", "sockets 1\r", "quit\r");
        assertTrue(screen.contains("内核眼中本课程的套接字"), screen);
        assertTrue(screen.contains("内核里任意一端是端口 1 的套接字（来自 /proc/net）："), screen);
        assertTrue(screen.contains("（没有：我们没有打开的套接字，也没有处于 TIME-WAIT 的连接）"), screen);
    }
}
