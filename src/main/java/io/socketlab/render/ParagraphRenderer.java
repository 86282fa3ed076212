package io.socketlab.render;

import java.util.List;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** Paragraphs: their inline text wrapped at word boundaries. */
final class ParagraphRenderer implements NodeRenderer {
    private final BlockContext context;

    ParagraphRenderer(BlockContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> nodeTypes() {
        return Set.of(Paragraph.class);
    }

    @Override
    public List<AttributedString> render(Node node, int width) {
        return TextWrapper.wrap(context.inlines(node, AttributedStyle.DEFAULT), width);
    }
}
