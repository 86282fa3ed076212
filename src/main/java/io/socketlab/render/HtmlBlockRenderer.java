package io.socketlab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;

/** Raw HTML blocks: shown as written (a terminal cannot draw them), each line wrapped. */
final class HtmlBlockRenderer implements NodeRenderer {
    @Override
    public Set<Class<? extends Node>> nodeTypes() {
        return Set.of(HtmlBlock.class);
    }

    @Override
    public List<AttributedString> render(Node node, int width) {
        List<AttributedString> out = new ArrayList<>();
        ((HtmlBlock) node).getLiteral().lines().forEach(line -> out.addAll(TextWrapper.wrap(new AttributedString(line), width)));
        return out;
    }
}
