package io.socketlab.course;

import java.nio.file.Path;

/**
 * One thing wrong with a course, located by file and line (line 0 when the whole file is meant).
 * Printed as {@code file:line: message}, the form editors and terminals turn into links.
 */
public record Problem(Path file, int line, String message) {
    public String format(Path base) {
        Path shown = base != null && file.isAbsolute() && file.startsWith(base) ? base.relativize(file) : file;
        return line > 0 ? shown + ":" + line + ": " + message : shown + ": " + message;
    }
}
