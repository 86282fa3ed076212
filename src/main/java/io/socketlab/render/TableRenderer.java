package io.socketlab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Draws a GFM table within a width: columns get their natural width when it fits; otherwise every
 * column keeps room for its longest word (or, narrower, its longest name) and the rest of the space
 * goes to the columns that want more, and cells wrap. A cell never splits a name: a table that
 * cannot keep them whole side by side is drawn row by row instead. Widths are display columns, so
 * Chinese cells stay aligned.
 */
final class TableRenderer implements NodeRenderer {
    /** A cell's content and its alignment. */
    record Cell(AttributedString text, TableCell.Alignment alignment) {
    }

    private final BlockContext context;
    private final Theme theme;

    TableRenderer(BlockContext context) {
        this.context = context;
        this.theme = context.theme();
    }

    @Override
    public Set<Class<? extends Node>> nodeTypes() {
        return Set.of(TableBlock.class);
    }

    @Override
    public List<AttributedString> render(Node table, int width) {
        List<Cell> header = new ArrayList<>();
        List<List<Cell>> body = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (row instanceof TableRow) {
                    boolean head = section instanceof TableHead;
                    List<Cell> cells = cells(row, head ? theme.tableHeader : AttributedStyle.DEFAULT);
                    if (head) {
                        header = cells;
                    } else if (section instanceof TableBody) {
                        body.add(cells);
                    }
                }
            }
        }
        return draw(header, body, width);
    }

    private List<Cell> cells(Node row, AttributedStyle style) {
        List<Cell> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            cells.add(new Cell(context.inlines(cell, style), ((TableCell) cell).getAlignment()));
        }
        return cells;
    }

    private List<AttributedString> draw(List<Cell> header, List<List<Cell>> body, int width) {
        int columns = header.size();
        for (List<Cell> row : body) {
            columns = Math.max(columns, row.size());
        }
        int[] natural = new int[columns];
        int[] words = new int[columns];
        int[] pieces = new int[columns];
        measure(header, natural, words, pieces);
        body.forEach(row -> measure(row, natural, words, pieces));
        int available = width - (3 * columns + 1);
        // Keep whole words in their cells if possible, else whole names; when even those do not
        // fit side by side, each row becomes a short list of "header: cell" lines.
        int[] widths = sum(words) <= available ? fit(natural, words, available)
                : sum(pieces) <= available ? fit(natural, pieces, available) : null;
        if (widths == null) {
            return stacked(header, body, width);
        }

        List<AttributedString> out = new ArrayList<>();
        Theme.TableBorders b = theme.borders;
        out.add(rule(widths, b.top));
        out.addAll(row(header, widths));
        out.add(rule(widths, b.middle));
        List<List<AttributedString>> rows = new ArrayList<>();
        boolean tall = false;
        for (List<Cell> cells : body) {
            List<AttributedString> lines = row(cells, widths);
            tall |= lines.size() > 1;
            rows.add(lines);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (tall && i > 0) {
                out.add(rule(widths, b.middle));
            }
            out.addAll(rows.get(i));
        }
        out.add(rule(widths, b.bottom));
        return out;
    }

    private static void measure(List<Cell> row, int[] natural, int[] words, int[] pieces) {
        for (int i = 0; i < row.size(); i++) {
            String text = row.get(i).text().toString();
            natural[i] = Math.max(natural[i], Math.max(1, TextWrapper.columns(text)));
            words[i] = Math.max(words[i], Math.max(1, TextWrapper.longestWord(text)));
            pieces[i] = Math.max(pieces[i], Math.max(1, TextWrapper.longestUnbreakable(text)));
        }
    }

    /** Each row as "header: cell" lines, for a table too wide to draw as a grid at this width. */
    private List<AttributedString> stacked(List<Cell> header, List<List<Cell>> body, int width) {
        List<AttributedString> out = new ArrayList<>();
        AttributedString rule = new AttributedString(String.valueOf(theme.borders.horizontal).repeat(width), theme.border);
        out.add(rule);
        for (List<Cell> cells : body) {
            for (int i = 0; i < cells.size(); i++) {
                AttributedStringBuilder line = new AttributedStringBuilder();
                if (i < header.size() && header.get(i).text().length() > 0) {
                    line.append(header.get(i).text()).append(": ");
                }
                line.append(cells.get(i).text());
                List<AttributedString> wrapped = TextWrapper.wrap(line.toAttributedString(), width - 2);
                for (int j = 0; j < wrapped.size(); j++) {
                    out.add(j == 0 ? wrapped.get(j)
                            : new AttributedStringBuilder().append("  ").append(wrapped.get(j)).toAttributedString());
                }
            }
            out.add(rule);
        }
        return out;
    }

    /**
     * Column widths that add up to at most {@code available}: natural widths when they fit, else
     * each column's {@code minimum} plus a share of the rest in proportion to what it lacks.
     */
    static int[] fit(int[] natural, int[] minimum, int available) {
        int n = natural.length;
        int[] widths = natural.clone();
        if (sum(natural) <= available) {
            return widths;
        }
        int[] min = new int[n];
        for (int i = 0; i < n; i++) {
            min[i] = Math.min(minimum[i], natural[i]);
        }
        int extra = available - sum(min);
        int wanted = 0;
        for (int i = 0; i < n; i++) {
            wanted += natural[i] - min[i];
        }
        int given = 0;
        for (int i = 0; i < n; i++) {
            int share = (int) ((long) extra * (natural[i] - min[i]) / Math.max(1, wanted));
            widths[i] = min[i] + share;
            given += share;
        }
        for (int i = 0; given < extra && i < n; i++) {
            if (widths[i] < natural[i]) {
                widths[i]++;
                given++;
            }
        }
        return widths;
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int v : values) {
            total += v;
        }
        return total;
    }

    private List<AttributedString> row(List<Cell> cells, int[] widths) {
        List<List<AttributedString>> wrapped = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < widths.length; i++) {
            AttributedString text = i < cells.size() ? cells.get(i).text() : AttributedString.EMPTY;
            List<AttributedString> lines = TextWrapper.wrap(text, widths[i]);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        List<AttributedString> out = new ArrayList<>();
        String vertical = String.valueOf(theme.borders.vertical);
        for (int line = 0; line < height; line++) {
            AttributedStringBuilder sb = new AttributedStringBuilder();
            sb.styled(theme.border, vertical);
            for (int i = 0; i < widths.length; i++) {
                List<AttributedString> lines = wrapped.get(i);
                AttributedString text = line < lines.size() ? lines.get(line) : AttributedString.EMPTY;
                TableCell.Alignment alignment = i < cells.size() ? cells.get(i).alignment() : null;
                int pad = widths[i] - text.columnLength();
                int left = alignment == TableCell.Alignment.RIGHT ? pad : alignment == TableCell.Alignment.CENTER ? pad / 2 : 0;
                sb.append(' ').append(" ".repeat(Math.max(0, left)));
                sb.append(text);
                sb.append(" ".repeat(Math.max(0, pad - left))).append(' ');
                sb.styled(theme.border, vertical);
            }
            out.add(sb.toAttributedString());
        }
        return out;
    }

    private AttributedString rule(int[] widths, String corners) {
        StringBuilder sb = new StringBuilder();
        sb.append(corners.charAt(0));
        for (int i = 0; i < widths.length; i++) {
            sb.append(String.valueOf(theme.borders.horizontal).repeat(widths[i] + 2));
            sb.append(i == widths.length - 1 ? corners.charAt(2) : corners.charAt(1));
        }
        return new AttributedString(sb.toString(), theme.border);
    }
}
