package io.socketlab.shell;

import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * Shows rendered lines: straight to the terminal when they fit on one screen, else a screen at a
 * time with a status line that says where the reader is and which keys move ({@code -- 40% --
 * space/b/q --}): space or f next page, b previous, Enter, j or the arrows one line, g and G the
 * ends, / a search and n the next match, q back.
 */
public final class Pager {
    private enum Key { NEXT_PAGE, PREVIOUS_PAGE, LINE_DOWN, LINE_UP, TOP, BOTTOM, SEARCH, NEXT_MATCH, QUIT, OTHER }

    private final Terminal terminal;
    private final Messages messages;

    public Pager(Terminal terminal, Lang lang) {
        this.terminal = terminal;
        this.messages = Messages.of("render", lang);
    }

    /** True when {@code lines} need more rows than the terminal has (or the height is unknown). */
    public boolean needsPaging(List<AttributedString> lines) {
        int height = terminal.getHeight();
        return height > 0 && lines.size() > height - 1;
    }

    public void show(List<AttributedString> lines) throws IOException {
        if (!needsPaging(lines)) {
            for (AttributedString line : lines) {
                terminal.writer().println(line.toAnsi(terminal));
            }
            terminal.flush();
            return;
        }
        // Raw mode keeps signals, so Ctrl-C would reach the course's handler and end it; ignored
        // here as less(1) does, and q leaves the pager.
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
        Attributes cooked = terminal.enterRawMode();
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        try {
            new Session(lines).run();
        } finally {
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
            terminal.setAttributes(cooked);
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    /** One paging of one text: where it stands, and the last search. */
    private final class Session {
        private final List<AttributedString> lines;
        private final Display display = new Display(terminal, true);
        private final BindingReader input = new BindingReader(terminal.reader());
        private final KeyMap<Key> keys = keys();
        private int top;
        private String search = "";

        Session(List<AttributedString> lines) {
            this.lines = lines;
        }

        void run() {
            while (true) {
                draw(status());
                Key key = input.readBinding(keys);
                int page = Math.max(1, rows() - 1);
                switch (key == null ? Key.QUIT : key) {
                    case NEXT_PAGE -> top += page;
                    case PREVIOUS_PAGE -> top -= page;
                    case LINE_DOWN -> top++;
                    case LINE_UP -> top--;
                    case TOP -> top = 0;
                    case BOTTOM -> top = lines.size();
                    case SEARCH -> {
                        search = readSearch();
                        find();
                    }
                    case NEXT_MATCH -> find();
                    case QUIT -> {
                        return;
                    }
                    case OTHER -> { }
                }
                top = Math.max(0, Math.min(top, lines.size() - page));
            }
        }

        private int rows() {
            return Math.max(2, terminal.getHeight());
        }

        private String status() {
            int shown = Math.min(lines.size(), top + rows() - 1);
            return messages.get("pager.status", shown * 100 / lines.size());
        }

        private void draw(String status) {
            int columns = Math.max(1, terminal.getWidth());
            List<AttributedString> screen = new ArrayList<>();
            for (int i = top; i < Math.min(lines.size(), top + rows() - 1); i++) {
                screen.add(lines.get(i).columnSubSequence(0, columns));
            }
            while (screen.size() < rows() - 1) {
                screen.add(AttributedString.EMPTY);
            }
            AttributedString bottom = new AttributedString(status).columnSubSequence(0, columns - 1);
            screen.add(bottom);
            display.resize(rows(), columns);
            display.update(screen, terminal.getSize().cursorPos(rows() - 1, bottom.columnLength()));
            terminal.flush();
        }

        /** The text typed after {@code /} up to Enter, shown on the status line as it is typed. */
        private String readSearch() {
            StringBuilder typed = new StringBuilder();
            while (true) {
                draw("/" + typed);
                int c = input.readCharacter();
                if (c == '\r' || c == '\n' || c < 0) {
                    return typed.toString();
                }
                if (c == 27 || c == 3) {
                    return search;
                }
                if ((c == 127 || c == 8) && !typed.isEmpty()) {
                    typed.setLength(typed.length() - 1);
                } else if (c >= ' ' && c != 127) {
                    typed.appendCodePoint(c);
                }
            }
        }

        /** Moves to the next line below the top one that contains the search, ignoring case. */
        private void find() {
            if (search.isEmpty()) {
                return;
            }
            String wanted = search.toLowerCase(Locale.ROOT);
            for (int i = top + 1; i < lines.size(); i++) {
                if (lines.get(i).toString().toLowerCase(Locale.ROOT).contains(wanted)) {
                    top = i;
                    return;
                }
            }
            terminal.puts(Capability.bell);
        }

        private KeyMap<Key> keys() {
            KeyMap<Key> map = new KeyMap<>();
            map.setNomatch(Key.OTHER);
            map.setUnicode(Key.OTHER);
            map.bind(Key.NEXT_PAGE, " ", "f", KeyMap.ctrl('F'), KeyMap.ctrl('V'), KeyMap.key(terminal, Capability.key_npage));
            map.bind(Key.PREVIOUS_PAGE, "b", KeyMap.ctrl('B'), KeyMap.alt('v'), KeyMap.key(terminal, Capability.key_ppage));
            map.bind(Key.LINE_DOWN, "\r", "\n", "j", "e", KeyMap.ctrl('N'), KeyMap.key(terminal, Capability.key_down));
            map.bind(Key.LINE_UP, "k", "y", KeyMap.ctrl('P'), KeyMap.key(terminal, Capability.key_up));
            map.bind(Key.TOP, "g", "<", KeyMap.key(terminal, Capability.key_home));
            map.bind(Key.BOTTOM, "G", ">", KeyMap.key(terminal, Capability.key_end));
            map.bind(Key.SEARCH, "/");
            map.bind(Key.NEXT_MATCH, "n");
            map.bind(Key.QUIT, "q", "Q");
            // Arrow keys arrive in both the normal and the application cursor mode.
            map.bind(Key.LINE_DOWN, "\033[B", "\033OB");
            map.bind(Key.LINE_UP, "\033[A", "\033OA");
            map.bind(Key.NEXT_PAGE, "\033[6~");
            map.bind(Key.PREVIOUS_PAGE, "\033[5~");
            return map;
        }
    }
}
