package io.socketlab.render;

import io.socketlab.course.Includes;
import io.socketlab.course.Lesson;
import io.socketlab.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns a lesson's Markdown into terminal lines: wrapped to the width by display columns, styled
 * when colour is on, plain ASCII-bordered text when it is off. Included code is read from the
 * course's source files at render time.
 */
public final class LessonRenderer {
    private static final char SOFT_BREAK = '\u0000';

    private final RenderOptions options;
    private final Includes includes;
    private final Theme theme;
    private final CodeHighlighter highlighter = new CodeHighlighter();
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    public LessonRenderer(RenderOptions options, Includes includes) {
        this.options = options;
        this.includes = includes;
        this.theme = new Theme(options);
    }

    public RenderOptions options() {
        return options;
    }

    /** The whole chapter: a "Chapter N" line, the title, then the body. */
    public List<AttributedString> render(Lesson lesson, Messages messages) {
        List<AttributedString> out = new ArrayList<>();
        out.add(new AttributedString(messages.get("chapter.label", lesson.number()), theme.dim));
        heading(1, new AttributedString(lesson.title(), theme.h1), options.width(), out);
        Node document = parser.parse(lesson.body());
        Node first = document.getFirstChild();
        if (first instanceof Heading h && h.getLevel() == 1 && inlines(h, theme.h1).toString().strip().equals(lesson.title().strip())) {
            first.unlink();
        }
        out.add(AttributedString.EMPTY);
        out.addAll(blocks(document, options.width()));
        return out;
    }

    /** Markdown without a chapter header. */
    public List<AttributedString> render(String markdown) {
        return blocks(parser.parse(markdown), options.width());
    }

    /** The lines joined for output: ANSI escapes when colour is on, none when off. */
    public String toText(List<AttributedString> lines) {
        StringBuilder sb = new StringBuilder();
        for (AttributedString line : lines) {
            sb.append(options.color() ? line.toAnsi(256, false, null, null) : line.toString());
            sb.append('\n');
        }
        return sb.toString();
    }

    private List<AttributedString> blocks(Node parent, int width) {
        List<AttributedString> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            List<AttributedString> lines = block(node, width);
            if (lines.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && !(tightItem(parent))) {
                out.add(AttributedString.EMPTY);
            }
            out.addAll(lines);
        }
        return out;
    }

    private static boolean tightItem(Node parent) {
        return parent instanceof ListItem item && item.getParent() instanceof ListBlock list && list.isTight();
    }

    private List<AttributedString> block(Node node, int width) {
        List<AttributedString> out = new ArrayList<>();
        if (node instanceof Heading h) {
            AttributedStyle style = h.getLevel() == 1 ? theme.h1 : h.getLevel() == 2 ? theme.h2 : theme.h3;
            heading(h.getLevel(), inlines(h, style), width, out);
        } else if (node instanceof Paragraph) {
            out.addAll(TextWrapper.wrap(inlines(node, AttributedStyle.DEFAULT), width));
        } else if (node instanceof FencedCodeBlock code) {
            String info = code.getInfo();
            String source;
            var spec = Includes.specOf(info);
            if (spec.isPresent()) {
                try {
                    source = includes.resolve(spec.get());
                } catch (Includes.IncludeException e) {
                    source = "!! " + e.getMessage();
                }
            } else {
                source = code.getLiteral();
            }
            code(source, Includes.languageOf(info), width, out);
        } else if (node instanceof IndentedCodeBlock code) {
            code(code.getLiteral(), "", width, out);
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            list((ListBlock) node, width, out);
        } else if (node instanceof BlockQuote) {
            String bar = theme.quoteBar;
            for (AttributedString line : blocks(node, width - TextWrapper.columns(bar))) {
                AttributedStringBuilder sb = new AttributedStringBuilder();
                sb.styled(theme.bullet, bar);
                sb.append(restyle(line, theme.quote));
                out.add(sb.toAttributedString());
            }
        } else if (node instanceof ThematicBreak) {
            out.add(new AttributedString(theme.rule.repeat(width), theme.dim));
        } else if (node instanceof HtmlBlock html) {
            html.getLiteral().lines().forEach(l -> out.addAll(TextWrapper.wrap(new AttributedString(l), width)));
        } else if (node instanceof TableBlock) {
            table(node, width, out);
        } else {
            out.addAll(blocks(node, width));
        }
        return out;
    }

    private void heading(int level, AttributedString text, int width, List<AttributedString> out) {
        List<AttributedString> lines = TextWrapper.wrap(text, width);
        out.addAll(lines);
        if (level <= 2) {
            int longest = lines.stream().mapToInt(AttributedString::columnLength).max().orElse(0);
            String rule = level == 1 ? theme.h1Rule : theme.h2Rule;
            out.add(new AttributedString(rule.repeat(Math.max(1, longest)), level == 1 ? theme.h1 : theme.h2));
        }
    }

    private void code(String source, String language, int width, List<AttributedString> out) {
        String text = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
        List<AttributedString> lines = options.color()
                ? highlighter.highlight(text, language)
                : text.lines().map(AttributedString::new).toList();
        String bar = theme.codeBar;
        int inner = Math.max(1, width - TextWrapper.columns(bar));
        if (options.color() && !language.isEmpty()) {
            out.add(new AttributedString(bar.strip().isEmpty() ? language : "╭ " + language, theme.dim));
        }
        for (AttributedString line : lines) {
            AttributedString rest = expandTabs(line);
            boolean first = true;
            do {
                AttributedString piece = rest;
                int cut = inner - 1;
                if (rest.columnLength() > inner) {
                    piece = rest.columnSubSequence(0, cut);
                }
                rest = rest.subSequence(piece.length(), rest.length());
                AttributedStringBuilder sb = new AttributedStringBuilder();
                sb.styled(theme.dim, first ? bar : bar);
                sb.append(piece);
                if (rest.length() > 0) {
                    sb.styled(theme.dim, theme.wrapMark);
                }
                out.add(sb.toAttributedString());
                first = false;
            } while (rest.length() > 0);
        }
    }

    private static AttributedString expandTabs(AttributedString line) {
        return line.toString().indexOf('\t') < 0 ? line : new AttributedString(line.toString().replace("\t", "    "));
    }

    private void list(ListBlock list, int width, List<AttributedString> out) {
        int depth = 0;
        for (Node p = list.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ListBlock) {
                depth++;
            }
        }
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null ? ordered.getMarkerStartNumber() : 1;
        int count = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            count++;
        }
        int markerWidth = list instanceof OrderedList ? String.valueOf(number + count - 1).length() + 2 : 2;
        boolean firstItem = true;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!firstItem && !list.isTight()) {
                out.add(AttributedString.EMPTY);
            }
            firstItem = false;
            String marker = list instanceof OrderedList
                    ? String.format("%" + (markerWidth - 1) + "s", number++ + ".") + " "
                    : theme.bullets.charAt(depth % theme.bullets.length()) + " ";
            List<AttributedString> lines = blocks(item, width - markerWidth);
            boolean first = true;
            for (AttributedString line : lines) {
                AttributedStringBuilder sb = new AttributedStringBuilder();
                if (first) {
                    sb.styled(theme.bullet, marker);
                } else {
                    sb.append(" ".repeat(markerWidth));
                }
                sb.append(line);
                out.add(sb.toAttributedString());
                first = false;
            }
            if (lines.isEmpty()) {
                out.add(new AttributedString(marker, theme.bullet));
            }
        }
    }

    private void table(Node table, int width, List<AttributedString> out) {
        List<TableRenderer.Cell> header = new ArrayList<>();
        List<List<TableRenderer.Cell>> body = new ArrayList<>();
        for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<TableRenderer.Cell> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    TableCell tc = (TableCell) cell;
                    boolean head = section instanceof TableHead;
                    cells.add(new TableRenderer.Cell(inlines(tc, head ? theme.tableHeader : AttributedStyle.DEFAULT), tc.getAlignment()));
                }
                if (section instanceof TableHead) {
                    header = cells;
                } else if (section instanceof TableBody) {
                    body.add(cells);
                }
            }
        }
        out.addAll(new TableRenderer(theme).render(header, body, width));
    }

    /** The inline content of {@code parent} as one styled string; soft breaks resolved. */
    private AttributedString inlines(Node parent, AttributedStyle base) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        appendInlines(parent, base, sb);
        return resolveSoftBreaks(sb.toAttributedString());
    }

    private void appendInlines(Node parent, AttributedStyle style, AttributedStringBuilder sb) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                sb.styled(style, text.getLiteral());
            } else if (node instanceof Code code) {
                if (options.color()) {
                    sb.styled(combine(style, theme.code), code.getLiteral());
                } else {
                    sb.append("`" + code.getLiteral() + "`");
                }
            } else if (node instanceof Emphasis) {
                appendInlines(node, combine(style, theme.emphasis), sb);
            } else if (node instanceof StrongEmphasis) {
                appendInlines(node, combine(style, theme.strong), sb);
            } else if (node instanceof Link link) {
                int before = sb.length();
                appendInlines(node, options.color() ? combine(style, theme.link) : style, sb);
                String shown = sb.toAttributedString().subSequence(before, sb.length()).toString();
                String url = link.getDestination();
                if (!url.equals(shown) && !url.equals("mailto:" + shown)) {
                    sb.styled(combine(style, theme.dim), " (" + url + ")");
                }
            } else if (node instanceof Image image) {
                sb.styled(combine(style, theme.dim), "[");
                appendInlines(node, style, sb);
                sb.styled(combine(style, theme.dim), "] (" + image.getDestination() + ")");
            } else if (node instanceof SoftLineBreak) {
                sb.append(String.valueOf(SOFT_BREAK));
            } else if (node instanceof HardLineBreak) {
                sb.append("\n");
            } else if (node instanceof HtmlInline html) {
                sb.styled(style, html.getLiteral());
            } else {
                appendInlines(node, style, sb);
            }
        }
    }

    private static AttributedStyle combine(AttributedStyle base, AttributedStyle extra) {
        if (base.equals(AttributedStyle.DEFAULT)) {
            return extra;
        }
        if (extra.equals(AttributedStyle.DEFAULT)) {
            return base;
        }
        long mask = extra.getMask();
        return new AttributedStyle(base.getStyle() & ~mask | extra.getStyle() & mask, base.getMask() | mask);
    }

    private static AttributedString restyle(AttributedString line, AttributedStyle extra) {
        if (extra.equals(AttributedStyle.DEFAULT)) {
            return line;
        }
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (int i = 0; i < line.length(); i++) {
            sb.style(combine(line.styleAt(i), extra));
            sb.append(line.charAt(i));
        }
        return sb.toAttributedString();
    }

    /**
     * A line break inside a paragraph is a space between words, but nothing between two CJK
     * characters (Chinese text is written without spaces).
     */
    private static AttributedString resolveSoftBreaks(AttributedString text) {
        String raw = text.toString();
        if (raw.indexOf(SOFT_BREAK) < 0) {
            return text;
        }
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == SOFT_BREAK) {
                int before = i > 0 ? raw.codePointBefore(i) : ' ';
                int after = i + 1 < raw.length() ? raw.codePointAt(i + 1) : ' ';
                if (TextWrapper.isWide(before) && TextWrapper.isWide(after)) {
                    continue;
                }
                c = ' ';
            }
            sb.style(text.styleAt(i));
            sb.append(c);
        }
        return sb.toAttributedString();
    }
}
