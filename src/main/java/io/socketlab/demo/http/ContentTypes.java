package io.socketlab.demo.http;

import java.util.Locale;
import java.util.Map;

/** The Content-Type of a file, from its name's ending: the few types a small site needs. */
public final class ContentTypes {
    private static final Map<String, String> BY_ENDING = Map.of(
            "html", "text/html; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json",
            "png", "image/png",
            "jpg", "image/jpeg",
            "svg", "image/svg+xml");

    private ContentTypes() {
    }

    /** "text/html; charset=utf-8" for index.html; application/octet-stream for an ending not listed. */
    public static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ending = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_ENDING.getOrDefault(ending, "application/octet-stream");
    }
}
