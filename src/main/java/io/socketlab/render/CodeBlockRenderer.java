package io.socketlab.render;

import io.socketlab.course.Includes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Code blocks, fenced or indented: behind a bar, highlighted when colour is on, with a fenced
 * block's {@code include=} read from the course's sources. A line too long for the width breaks
 * at a token boundary and continues on the next one after a continuation mark.
 */
final class CodeBlockRenderer implements NodeRenderer {
    private final BlockContext context;
    private final Includes includes;
    private final CodeHighlighter highlighter;

    CodeBlockRenderer(BlockContext context, Includes includes, CodeHighlighter highlighter) {
        this.context = context;
        this.includes = includes;
        this.highlighter = highlighter;
    }

    @Override
    public Set<Class<? extends Node>> nodeTypes() {
        return Set.of(FencedCodeBlock.class, IndentedCodeBlock.class);
    }

    @Override
    public List<AttributedString> render(Node node, int width) {
        if (node instanceof FencedCodeBlock fenced) {
            String info = fenced.getInfo();
            return code(source(fenced), Includes.languageOf(info), width);
        }
        return code(((IndentedCodeBlock) node).getLiteral(), "", width);
    }

    private String source(FencedCodeBlock code) {
        var spec = Includes.specOf(code.getInfo());
        if (spec.isEmpty()) {
            return code.getLiteral();
        }
        try {
            return includes.resolve(spec.get());
        } catch (Includes.IncludeException e) {
            return "!! " + e.getMessage();
        }
    }

    private List<AttributedString> code(String source, String language, int width) {
        RenderOptions options = context.options();
        Theme theme = context.theme();
        String text = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
        List<AttributedString> lines = options.color()
                ? highlighter.highlight(text, language)
                : text.lines().map(AttributedString::new).toList();
        String bar = theme.codeBar;
        int inner = Math.max(1, width - TextWrapper.columns(bar));
        List<AttributedString> out = new ArrayList<>();
        if (options.color() && !language.isEmpty()) {
            out.add(new AttributedString(bar.strip().isEmpty() ? language : "╭ " + language, theme.dim));
        }
        int markColumns = TextWrapper.columns(theme.wrapMark);
        for (AttributedString line : lines) {
            List<AttributedString> pieces = CodeLineWrapper.wrap(expandTabs(line), inner, markColumns);
            for (int i = 0; i < pieces.size(); i++) {
                AttributedStringBuilder sb = new AttributedStringBuilder();
                sb.styled(theme.dim, bar);
                sb.append(pieces.get(i));
                if (i + 1 < pieces.size()) {
                    sb.styled(theme.dim, theme.wrapMark);
                }
                out.add(sb.toAttributedString());
            }
        }
        return out;
    }

    private static AttributedString expandTabs(AttributedString line) {
        return line.toString().indexOf('\t') < 0 ? line : new AttributedString(line.toString().replace("\t", "    "));
    }
}
