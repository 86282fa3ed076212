package io.socketlab.render;

import java.util.List;
import java.util.Set;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;

/**
 * Draws one kind of Markdown block as terminal lines, the way commonmark-java's renderers each
 * take a set of node types. Blocks nested inside go back through {@link BlockContext#blocks}.
 */
interface NodeRenderer {
    /** The node classes this renderer draws. */
    Set<Class<? extends Node>> nodeTypes();

    /** The lines of {@code node}, none wider than {@code width} display columns. */
    List<AttributedString> render(Node node, int width);
}
