package io.socketlab.render;

/**
 * How to draw: the width in display columns, whether to use colour and styles, and whether to
 * draw borders and bullets with ASCII only (plain output, or CJK terminals where box-drawing
 * characters are two columns wide).
 */
public record RenderOptions(int width, boolean color, boolean ascii) {
    /** The width used when the terminal does not tell. */
    public static final int DEFAULT_WIDTH = 80;
    /** Narrower than this, nothing sensible fits; rendering clamps to it. */
    public static final int MIN_WIDTH = 20;

    public RenderOptions {
        width = width <= 0 ? DEFAULT_WIDTH : Math.max(MIN_WIDTH, width);
    }

    /**
     * True when the user asked for ASCII drawing with {@code SOCKETLAB_ASCII=1}: for terminals
     * that draw box characters two columns wide (common with CJK fonts), or fonts without them.
     */
    public static boolean asciiWanted(java.util.Map<String, String> env) {
        String value = env.get("SOCKETLAB_ASCII");
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    /** The width {@code COLUMNS} gives in {@code env}, else {@link #DEFAULT_WIDTH}: for output with no terminal to ask. */
    public static int widthOf(java.util.Map<String, String> env) {
        try {
            return Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    /** Plain text: no escape codes, ASCII borders. */
    public static RenderOptions plain(int width) {
        return new RenderOptions(width, false, true);
    }

    /** {@link #styled} when {@code color}, else {@link #plain}: a terminal's choice of the two. */
    public static RenderOptions of(int width, boolean color, boolean ascii) {
        return color ? styled(width, ascii) : plain(width);
    }

    /** Colour and styles, box-drawing borders unless {@code ascii}. */
    public static RenderOptions styled(int width, boolean ascii) {
        return new RenderOptions(width, true, ascii);
    }
}
