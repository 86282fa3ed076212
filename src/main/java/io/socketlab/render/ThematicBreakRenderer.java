package io.socketlab.render;

import java.util.List;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.jline.utils.AttributedString;

/** A thematic break: a dim rule across the whole width. */
final class ThematicBreakRenderer implements NodeRenderer {
    private final BlockContext context;

    ThematicBreakRenderer(BlockContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> nodeTypes() {
        return Set.of(ThematicBreak.class);
    }

    @Override
    public List<AttributedString> render(Node node, int width) {
        Theme theme = context.theme();
        return List.of(new AttributedString(theme.rule.repeat(width), theme.dim));
    }
}
