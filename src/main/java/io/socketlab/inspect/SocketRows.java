package io.socketlab.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A socket list as aligned text columns, in ss's order and with its column names. */
public final class SocketRows {
    /** ss's column names; the same in every language, as the tool prints them. */
    static final String[] HEADER = {"Netid", "State", "Recv-Q", "Send-Q", "Local Address:Port", "Peer Address:Port"};

    private SocketRows() {
    }

    /** The header row, then one row per entry: listeners first, then by local port and state. */
    public static List<String> lines(List<SocketEntry> entries) {
        List<SocketEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((SocketEntry e) -> !e.state().equals("LISTEN"))
                .thenComparingInt(e -> e.local().getPort())
                .thenComparing(SocketEntry::state));
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADER);
        for (SocketEntry e : sorted) {
            cells.add(new String[] {e.protocol(), e.state(), queue(e.recvQ()), queue(e.sendQ()),
                SocketEntry.text(e.local()), SocketEntry.text(e.remote())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean number = i == 2 || i == 3;
                String cell = number ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : row[i] + (i == row.length - 1 ? "" : " ".repeat(widths[i] - row[i].length()));
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String queue(long value) {
        return value < 0 ? "-" : String.valueOf(value);
    }
}
