package io.socketlab.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** The styles lessons are drawn with. With colour off every style is the default style. */
final class Theme {
    final AttributedStyle plain = AttributedStyle.DEFAULT;
    final AttributedStyle h1;
    final AttributedStyle h2;
    final AttributedStyle h3;
    final AttributedStyle strong;
    final AttributedStyle emphasis;
    final AttributedStyle code;
    final AttributedStyle link;
    final AttributedStyle dim;
    final AttributedStyle quote;
    final AttributedStyle bullet;
    final AttributedStyle tableHeader;
    final AttributedStyle border;

    final String bullets;
    final String quoteBar;
    final String codeBar;
    final String rule;
    final String h1Rule;
    final String h2Rule;
    final String wrapMark;
    final TableBorders borders;

    Theme(RenderOptions options) {
        boolean c = options.color();
        AttributedStyle none = AttributedStyle.DEFAULT;
        h1 = c ? none.bold().foreground(AttributedStyle.CYAN + AttributedStyle.BRIGHT) : none;
        h2 = c ? none.bold().foreground(AttributedStyle.YELLOW) : none;
        h3 = c ? none.bold() : none;
        strong = c ? none.bold() : none;
        emphasis = c ? none.italic() : none;
        code = c ? none.foreground(AttributedStyle.GREEN) : none;
        link = c ? none.underline().foreground(AttributedStyle.BLUE + AttributedStyle.BRIGHT) : none;
        dim = c ? none.foreground(AttributedStyle.BRIGHT) : none;
        quote = c ? none.italic() : none;
        bullet = c ? none.foreground(AttributedStyle.CYAN) : none;
        tableHeader = c ? none.bold() : none;
        border = c ? none.foreground(AttributedStyle.BRIGHT) : none;
        boolean ascii = options.ascii();
        bullets = ascii ? "-*+" : "•◦▪";
        quoteBar = ascii ? "> " : "┃ ";
        codeBar = ascii ? "    " : "│ ";
        rule = ascii ? "-" : "─";
        h1Rule = ascii ? "=" : "━";
        h2Rule = ascii ? "-" : "─";
        wrapMark = ascii ? "\\" : "↩";
        borders = ascii ? TableBorders.ASCII : TableBorders.BOX;
    }

    /** {@code extra}'s attributes over {@code base}'s: bold code inside a heading stays bold. */
    static AttributedStyle combine(AttributedStyle base, AttributedStyle extra) {
        if (base.equals(AttributedStyle.DEFAULT)) {
            return extra;
        }
        if (extra.equals(AttributedStyle.DEFAULT)) {
            return base;
        }
        long mask = extra.getMask();
        return new AttributedStyle(base.getStyle() & ~mask | extra.getStyle() & mask, base.getMask() | mask);
    }

    /** {@code line} with {@code extra} combined into the style of every character. */
    static AttributedString restyle(AttributedString line, AttributedStyle extra) {
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

    /** The characters a table is drawn with. */
    enum TableBorders {
        ASCII('-', '|', "+++", "+++", "+++"),
        BOX('─', '│', "┌┬┐", "├┼┤", "└┴┘");

        final char horizontal;
        final char vertical;
        final String top;
        final String middle;
        final String bottom;

        TableBorders(char horizontal, char vertical, String top, String middle, String bottom) {
            this.horizontal = horizontal;
            this.vertical = vertical;
            this.top = top;
            this.middle = middle;
            this.bottom = bottom;
        }
    }
}
