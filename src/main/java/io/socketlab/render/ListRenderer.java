package io.socketlab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.BulletList;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Bullet and ordered lists: a marker, then the item's blocks indented under it. Bullets change
 * with nesting depth; numbers are right-aligned and count on from the first item's number.
 */
final class ListRenderer implements NodeRenderer {
    private final BlockContext context;

    ListRenderer(BlockContext context) {
        this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> nodeTypes() {
        return Set.of(BulletList.class, OrderedList.class);
    }

    @Override
    public List<AttributedString> render(Node node, int width) {
        ListBlock list = (ListBlock) node;
        Theme theme = context.theme();
        boolean ordered = list instanceof OrderedList;
        int number = ordered && ((OrderedList) list).getMarkerStartNumber() != null ? ((OrderedList) list).getMarkerStartNumber() : 1;
        int count = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            count++;
        }
        int markerWidth = ordered ? String.valueOf(number + count - 1).length() + 2 : 2;
        char bullet = theme.bullets.charAt(depth(list) % theme.bullets.length());
        List<AttributedString> out = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item != list.getFirstChild() && !list.isTight()) {
                out.add(AttributedString.EMPTY);
            }
            String marker = ordered ? String.format("%" + (markerWidth - 1) + "s", number++ + ".") + " " : bullet + " ";
            List<AttributedString> lines = context.blocks(item, width - markerWidth);
            for (int i = 0; i < lines.size(); i++) {
                AttributedStringBuilder sb = new AttributedStringBuilder();
                if (i == 0) {
                    sb.styled(theme.bullet, marker);
                } else {
                    sb.append(" ".repeat(markerWidth));
                }
                sb.append(lines.get(i));
                out.add(sb.toAttributedString());
            }
            if (lines.isEmpty()) {
                out.add(new AttributedString(marker, theme.bullet));
            }
        }
        return out;
    }

    private static int depth(ListBlock list) {
        int depth = 0;
        for (Node p = list.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ListBlock) {
                depth++;
            }
        }
        return depth;
    }
}
