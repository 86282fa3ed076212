package io.socketlab.demo.sticky;

import java.util.Locale;

/**
 * The "remote shell" of the classic sticky-packet demo, without running anything: a few commands
 * with fixed output, one of them longer than 1024 bytes.
 */
public final class PretendShell {
    private PretendShell() {
    }

    /** The command names this shell knows. */
    public static final String HELP = "dir, whoami, date";

    /** The output of {@code command}: {@code dir} is 80 lines (about 3,400 bytes), unknown commands say so. */
    public static String run(String command) {
        switch (command.trim().toLowerCase(Locale.ROOT)) {
            case "dir": {
                StringBuilder out = new StringBuilder();
                for (int i = 1; i <= 80; i++) {
                    out.append(String.format("-rw-r--r--  1 learner  %6d  lesson-%02d.md%n", 1000 + 37 * i, i));
                }
                return out.toString();
            }
            case "whoami":
                return "learner\n";
            case "date":
                return "Mon Jan  1 00:00:00 UTC 2024\n";
            default:
                return "unknown command: " + command + " (try " + HELP + ")\n";
        }
    }
}
