package io.socketlab.render;

import io.socketlab.course.Includes;
import io.socketlab.course.Lesson;
import io.socketlab.i18n.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Turns a lesson's Markdown into terminal lines: wrapped to the width by display columns, styled
 * when colour is on, plain ASCII-bordered text when it is off. Included code is read from the
 * course's source files at render time. Each block type is drawn by its own {@link NodeRenderer};
 * a node type without one is drawn as its children.
 */
public final class LessonRenderer {
    private final RenderOptions options;
    private final Includes includes;
    private final Theme theme;
    private final CodeHighlighter highlighter = new CodeHighlighter();
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final List<NodeRendererFactory> factories;

    public LessonRenderer(RenderOptions options, Includes includes) {
        this.options = options;
        this.includes = includes;
        this.theme = new Theme(options);
        this.factories = List.of(
                HeadingRenderer::new,
                ParagraphRenderer::new,
                context -> new CodeBlockRenderer(context, includes, highlighter),
                ListRenderer::new,
                BlockQuoteRenderer::new,
                ThematicBreakRenderer::new,
                context -> new HtmlBlockRenderer(),
                TableRenderer::new);
    }

    public RenderOptions options() {
        return options;
    }

    /** The whole chapter: a "Chapter N" line, the title, then the body. */
    public List<AttributedString> render(Lesson lesson, Messages messages) {
        Context context = new Context();
        HeadingRenderer headings = new HeadingRenderer(context);
        List<AttributedString> out = new ArrayList<>();
        out.add(new AttributedString(messages.get("chapter.label", lesson.number()), theme.dim));
        out.addAll(headings.lines(1, new AttributedString(lesson.title(), theme.h1), options.width()));
        Node document = parser.parse(lesson.body());
        Node first = document.getFirstChild();
        if (first instanceof Heading h && h.getLevel() == 1
                && context.inlines(h, theme.h1).toString().strip().equals(lesson.title().strip())) {
            first.unlink();
        }
        out.add(AttributedString.EMPTY);
        out.addAll(context.blocks(document, options.width()));
        return out;
    }

    /** Markdown without a chapter header. */
    public List<AttributedString> render(String markdown) {
        return new Context().blocks(parser.parse(markdown), options.width());
    }

    /** The lines joined for output: ANSI escapes when colour is on, none when off. */
    public String toText(List<AttributedString> lines) {
        StringBuilder sb = new StringBuilder();
        for (AttributedString line : lines) {
            sb.append(options.color() ? line.toAnsi(256, false, null, null) : line.toString());
            sb.append('\n');
        }
        return sb.toString();
    }

    /** One render's renderers, each made for this render, looked up by node class. */
    private final class Context implements BlockContext {
        private final Map<Class<? extends Node>, NodeRenderer> renderers = new HashMap<>();
        private final InlineText inlineText = new InlineText(options, theme);

        Context() {
            for (NodeRendererFactory factory : factories) {
                NodeRenderer renderer = factory.create(this);
                renderer.nodeTypes().forEach(type -> renderers.put(type, renderer));
            }
        }

        @Override
        public RenderOptions options() {
            return options;
        }

        @Override
        public Theme theme() {
            return theme;
        }

        @Override
        public List<AttributedString> blocks(Node parent, int width) {
            List<AttributedString> out = new ArrayList<>();
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
                NodeRenderer renderer = renderers.get(node.getClass());
                List<AttributedString> lines = renderer != null ? renderer.render(node, width) : blocks(node, width);
                if (lines.isEmpty()) {
                    continue;
                }
                if (!out.isEmpty() && !tightItem(parent)) {
                    out.add(AttributedString.EMPTY);
                }
                out.addAll(lines);
            }
            return out;
        }

        @Override
        public AttributedString inlines(Node parent, AttributedStyle base) {
            return inlineText.of(parent, base);
        }

        private static boolean tightItem(Node parent) {
            return parent instanceof ListItem item && item.getParent() instanceof ListBlock list && list.isTight();
        }
    }
}
