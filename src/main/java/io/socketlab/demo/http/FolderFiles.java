package io.socketlab.demo.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Maps a request target such as {@code /docs/a.txt?x=1} to a file inside one folder, and refuses
 * every way out of it: {@code ..}, its encoded form {@code %2e%2e}, a doubled slash that makes an
 * absolute path, a backslash, and a symbolic link that points elsewhere.
 */
public final class FolderFiles {
    /** What became of a target. */
    public enum Outcome { FOUND, NOT_FOUND, FORBIDDEN, BAD }

    /** The outcome and, when found, the regular file to send. */
    public record Lookup(Outcome outcome, Path file) {
    }

    private final Path root;

    public FolderFiles(Path folder) throws IOException {
        this.root = folder.toRealPath();
    }

    /** The file for {@code target}; a directory stands for its index.html. */
    public Lookup find(String target) {
        String path = target;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String decoded = percentDecode(path);
        if (decoded == null || decoded.indexOf('\0') >= 0) {
            return new Lookup(Outcome.BAD, null);
        }
        // region stay-inside
        // judge the decoded path: %2e%2e is ".." once decoded
        for (String segment : decoded.split("/")) {
            if (segment.equals("..") || segment.contains("\\")) {
                return new Lookup(Outcome.FORBIDDEN, null);
            }
        }
        Path file;
        try {
            // strip every leading slash: "//etc/passwd" must not become the absolute /etc/passwd
            file = root.resolve(decoded.replaceFirst("^/+", "")).normalize();
        } catch (InvalidPathException e) {
            return new Lookup(Outcome.BAD, null);
        }
        if (!file.startsWith(root)) {
            return new Lookup(Outcome.FORBIDDEN, null);
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            return new Lookup(Outcome.NOT_FOUND, null);
        }
        try {
            // a symbolic link inside may point outside: compare where it really leads
            if (!file.toRealPath().startsWith(root)) {
                return new Lookup(Outcome.FORBIDDEN, null);
            }
        } catch (IOException e) {
            return new Lookup(Outcome.NOT_FOUND, null);
        }
        // endregion
        return new Lookup(Outcome.FOUND, file);
    }

    /** "%E4%BD%A0" becomes "你" (UTF-8); null for a broken escape such as "%zz" or a lone "%", or a char that is no byte. */
    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int value;
                try {
                    value = Integer.parseInt(text.substring(i + 1, i + 3), 16);
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    return null;
                }
                bytes.write(value);
                i += 2;
            } else if (c > 0xff) {
                return null;
            } else {
                // the request line was read as ISO-8859-1, one char per byte: write the byte back
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
