package io.socketlab.render;

import java.util.List;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** What a {@link NodeRenderer} may ask of the render it belongs to. */
interface BlockContext {
    RenderOptions options();

    Theme theme();

    /** The children of {@code parent}, each drawn by its renderer, separated as Markdown blocks are. */
    List<AttributedString> blocks(Node parent, int width);

    /** The inline content of {@code parent} as one styled string, soft breaks resolved. */
    AttributedString inlines(Node parent, AttributedStyle base);
}
