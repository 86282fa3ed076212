package io.socketlab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** Headings: wrapped, styled by level, levels 1 and 2 underlined with a rule as long as the text. */
final class HeadingRenderer implements NodeRenderer {
    private final BlockContext context;

    HeadingRenderer(BlockContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> nodeTypes() {
        return Set.of(Heading.class);
    }

    @Override
    public List<AttributedString> render(Node node, int width) {
        Heading heading = (Heading) node;
        return lines(heading.getLevel(), context.inlines(heading, style(heading.getLevel())), width);
    }

    AttributedStyle style(int level) {
        Theme theme = context.theme();
        return level == 1 ? theme.h1 : level == 2 ? theme.h2 : theme.h3;
    }

    /** A heading of {@code level} showing {@code text}, already styled. */
    List<AttributedString> lines(int level, AttributedString text, int width) {
        Theme theme = context.theme();
        List<AttributedString> out = new ArrayList<>(TextWrapper.wrap(text, width));
        if (level <= 2) {
            int longest = out.stream().mapToInt(AttributedString::columnLength).max().orElse(0);
            String rule = level == 1 ? theme.h1Rule : theme.h2Rule;
            out.add(new AttributedString(rule.repeat(Math.max(1, longest)), style(level)));
        }
        return out;
    }
}
