package io.socketlab.render;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The inline content of a block (text, code spans, emphasis, links) as one styled string, with
 * {@code '\n'} for hard breaks. Each inline node type has its own visit method.
 */
final class InlineText {
    // A soft break is kept as a marker until the text on both sides is known.
    private static final char SOFT_BREAK = '\u0000';

    private final RenderOptions options;
    private final Theme theme;

    InlineText(RenderOptions options, Theme theme) {
        this.options = options;
        this.theme = theme;
    }

    AttributedString of(Node parent, AttributedStyle base) {
        return resolveSoftBreaks(new Writer(base).write(parent));
    }

    private final class Writer extends AbstractVisitor {
        private final AttributedStringBuilder out = new AttributedStringBuilder();
        private AttributedStyle style;

        Writer(AttributedStyle base) {
            this.style = base;
        }

        AttributedString write(Node parent) {
            visitChildren(parent);
            return out.toAttributedString();
        }

        private void visitChildren(Node parent, AttributedStyle childStyle) {
            AttributedStyle outer = style;
            style = childStyle;
            visitChildren(parent);
            style = outer;
        }

        @Override
        public void visit(Text text) {
            out.styled(style, text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            if (options.color()) {
                out.styled(Theme.combine(style, theme.code), code.getLiteral());
            } else {
                out.append("`" + code.getLiteral() + "`");
            }
        }

        @Override
        public void visit(Emphasis emphasis) {
            visitChildren(emphasis, Theme.combine(style, theme.emphasis));
        }

        @Override
        public void visit(StrongEmphasis strong) {
            visitChildren(strong, Theme.combine(style, theme.strong));
        }

        @Override
        public void visit(Link link) {
            int before = out.length();
            visitChildren(link, options.color() ? Theme.combine(style, theme.link) : style);
            String shown = out.toAttributedString().subSequence(before, out.length()).toString();
            String url = link.getDestination();
            if (!url.equals(shown) && !url.equals("mailto:" + shown)) {
                out.styled(Theme.combine(style, theme.dim), " (" + url + ")");
            }
        }

        @Override
        public void visit(Image image) {
            out.styled(Theme.combine(style, theme.dim), "[");
            visitChildren(image);
            out.styled(Theme.combine(style, theme.dim), "] (" + image.getDestination() + ")");
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            out.append(String.valueOf(SOFT_BREAK));
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            out.append("\n");
        }

        @Override
        public void visit(HtmlInline html) {
            out.styled(style, html.getLiteral());
        }
    }

    /**
     * A line break inside a paragraph is a space between words, but nothing where Chinese text
     * meets: between two CJK characters, and next to full-width punctuation, which carries its own
     * space ("被丢弃了，" then "Java" joins as "被丢弃了，Java").
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
                if (TextWrapper.isWide(before) && TextWrapper.isWide(after)
                        || isFullWidthPunctuation(before) || isFullWidthPunctuation(after)) {
                    continue;
                }
                c = ' ';
            }
            sb.style(text.styleAt(i));
            sb.append(c);
        }
        return sb.toAttributedString();
    }

    private static boolean isFullWidthPunctuation(int codePoint) {
        if (!TextWrapper.isWide(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.OTHER_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.CONNECTOR_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION -> true;
            default -> false;
        };
    }
}
