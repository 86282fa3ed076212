package io.socketlab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** Block quotes: their blocks behind a bar, in the quote style. */
final class BlockQuoteRenderer implements NodeRenderer {
    private final BlockContext context;

    BlockQuoteRenderer(BlockContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> nodeTypes() {
        return Set.of(BlockQuote.class);
    }

    @Override
    public List<AttributedString> render(Node node, int width) {
        Theme theme = context.theme();
        String bar = theme.quoteBar;
        List<AttributedString> out = new ArrayList<>();
        for (AttributedString line : context.blocks(node, width - TextWrapper.columns(bar))) {
            AttributedStringBuilder sb = new AttributedStringBuilder();
            sb.styled(theme.bullet, bar);
            sb.append(Theme.restyle(line, theme.quote));
            out.add(sb.toAttributedString());
        }
        return out;
    }
}
