package io.socketlab.cli;

import io.socketlab.grade.Sandbox;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.PrintStream;

/** {@code --sandbox auto|on|off} of grade, validate and check, read once for all three. */
final class SandboxChoice {
    static final String DESCRIPTION = "Run the learner's code in the sandbox: auto (where it works, the default), on (refuse"
            + " without it) or off.";

    private SandboxChoice() {
    }

    /**
     * The sandbox {@code value} asks for; null after saying on {@code err} why there is none to be
     * had (an unknown value, or on where it cannot start), which is exit code 2. Without the
     * sandbox, one line on {@code err} says what is not protected.
     */
    static Sandbox choose(String value, Lang lang, PrintStream err) {
        Messages text = Messages.of("grade", lang);
        Sandbox.Mode mode = Sandbox.Mode.parse(value);
        if (mode == null) {
            err.println(text.get("sandbox.unknown", value));
            return null;
        }
        try {
            Sandbox sandbox = Sandbox.of(mode);
            if (!sandbox.on()) {
                err.println(Sandbox.unprotectedLine(lang, mode == Sandbox.Mode.OFF));
            }
            return sandbox;
        } catch (Sandbox.Unavailable e) {
            err.println(text.get("sandbox.refused", e.getMessage()));
            return null;
        }
    }
}
