package io.socketlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * Where commands get their terminal and standard input: the one place terminals are built (the
 * shell, {@code demo} and {@code watch} all open theirs here). Tests hand in one built on streams.
 */
public interface Terminals {
    /** True when standard output goes to a terminal (not a pipe or a file). */
    boolean stdoutIsTerminal();

    /** Opens the terminal to talk to the user on. */
    Terminal open() throws IOException;

    /** What the user types or pipes in without a terminal (the person at {@code serve chat}, the lines of {@code connect}). */
    default InputStream stdin() {
        return System.in;
    }

    /** A terminal on {@code in} and {@code out} instead of the process's own (the warm-up's, which nobody sees). */
    static Terminal onStreams(InputStream in, OutputStream out) throws IOException {
        // the exec provider makes the plain stream terminal; the JNI and FFM ones would put a pty between
        return TerminalBuilder.builder().provider("exec").system(false).streams(in, out).type("xterm-256color").build();
    }

    /**
     * The process's own terminal. The launcher passes {@code -Dsocketlab.tty=1|0} from
     * {@code [ -t 1 ]}, which is exact; without it, {@code System.console()} decides (and on
     * JDK 22+, where a console exists even when redirected, its {@code isTerminal()}).
     */
    static Terminals system() {
        return new Terminals() {
            @Override
            public boolean stdoutIsTerminal() {
                String flag = System.getProperty("socketlab.tty");
                if (flag != null) {
                    return flag.equals("1");
                }
                java.io.Console console = System.console();
                if (console == null) {
                    return false;
                }
                try {
                    Method isTerminal = java.io.Console.class.getMethod("isTerminal");
                    return (Boolean) isTerminal.invoke(console);
                } catch (ReflectiveOperationException e) {
                    return true;
                }
            }

            @Override
            public Terminal open() throws IOException {
                // jline asks the infocmp program for the terminal's capabilities, a process of its
                // own on every start; for the common types it ships the same description itself
                String type = System.getenv("TERM");
                if (type != null && InfoCmp.getLoadedInfoCmp(type) == null) {
                    String shipped = InfoCmp.getDefaultInfoCmp(type);
                    if (shipped != null) {
                        InfoCmp.setLoadedInfoCmp(type, shipped);
                    }
                }
                // JNI first: jline's default order tries FFM before it, which on JDK 17 to 21 fails
                // with a class that cannot load, about 25 ms of every start; exec is the fallback
                // where the native library is missing
                // dumb(true): without a terminal (a pipe, CI) the dumb one is chosen quietly, not with a logged warning.
                // UTF-8 whatever the locale says, as Main's own streams: in a C or missing locale
                // (LANG unset in a container, a name not installed) jline took ASCII and showed
                // every Chinese character as '?'; JDK 19 and later name a stdout.encoding that
                // jline prefers to the terminal's, so each stream is set too
                java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
                return TerminalBuilder.builder().system(true).providers("jni,exec").dumb(true).nativeSignals(true)
                        .encoding(utf8).stdinEncoding(utf8).stdoutEncoding(utf8).stderrEncoding(utf8).build();
            }
        };
    }
}
