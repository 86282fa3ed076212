package io.socketlab.course;

import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves code included into lessons from real source files, so a snippet is always the code that
 * compiles and runs. A fenced block whose info string holds {@code include=PATH#REGION} takes its
 * text from the lines between {@code region REGION} and {@code endregion} comments in PATH.
 */
public final class Includes {
    private static final Pattern INCLUDE = Pattern.compile("(?:^|\\s)include=(\\S+)");
    private static final Pattern REGION_START = Pattern.compile("^\\s*(?://|#)\\s*region\\s+(\\S+)\\s*$");
    private static final Pattern REGION_END = Pattern.compile("^\\s*(?://|#)\\s*endregion\\b.*$");

    private final Path courseRoot;
    /** Each file's lines, read once: a lesson includes several regions of one file, and is resolved when loaded and again when shown. */
    private final Map<Path, List<String>> read = new LinkedHashMap<>();

    public Includes(Path courseRoot) {
        this.courseRoot = courseRoot;
    }

    /** Every file read so far with its lines, in the order first read: what the snippets resolved until now were taken from. */
    public Map<Path, List<String>> filesRead() {
        return java.util.Collections.unmodifiableMap(read);
    }

    /** The include spec of a fenced block's info string ({@code java include=a/B.java#r}), if any. */
    public static Optional<String> specOf(String info) {
        if (info == null) {
            return Optional.empty();
        }
        Matcher m = INCLUDE.matcher(info);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The language word of a fenced block's info string: its first word unless that is the include. */
    public static String languageOf(String info) {
        if (info == null || info.isBlank()) {
            return "";
        }
        String first = info.strip().split("\\s+")[0];
        return first.startsWith("include=") ? "" : first;
    }

    /**
     * The snippet named by {@code spec} ({@code path} or {@code path#region}), with marker lines
     * removed and common indentation stripped.
     *
     * @throws IncludeException saying what is missing, as a message of the {@code course} bundle
     */
    public String resolve(String spec) throws IncludeException {
        int hash = spec.indexOf('#');
        String path = hash < 0 ? spec : spec.substring(0, hash);
        String region = hash < 0 ? null : spec.substring(hash + 1);
        Path file = courseRoot.resolve(path).normalize();
        if (!file.startsWith(courseRoot.normalize())) {
            throw new IncludeException("include.outside", path);
        }
        List<String> lines = read.get(file);
        if (lines == null) {
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new IncludeException("include.no-file", path);
            }
            read.put(file, lines);
        }
        List<String> picked = new ArrayList<>();
        boolean inside = region == null;
        boolean found = region == null;
        int depth = 0;
        for (String line : lines) {
            if (!line.contains("region")) {
                // most lines are code: only a line naming a region can be a marker
                if (inside) {
                    picked.add(line);
                }
                continue;
            }
            Matcher start = REGION_START.matcher(line);
            if (start.matches()) {
                if (inside) {
                    depth++;
                } else if (start.group(1).equals(region)) {
                    inside = true;
                    found = true;
                }
                continue;
            }
            if (REGION_END.matcher(line).matches()) {
                if (region != null && inside) {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                }
                continue;
            }
            if (inside) {
                picked.add(line);
            }
        }
        if (!found) {
            throw new IncludeException("include.no-region", region, path);
        }
        return dedent(picked);
    }

    /** A region marker without its partner: a {@code region} never closed, or an {@code endregion} with no region open. */
    public record UnpairedMarker(String region, int line) {
        /** True for an {@code endregion} with no region open. */
        public boolean isStrayEnd() {
            return region == null;
        }
    }

    /**
     * The unpaired region markers of a file's lines, in line order. An unclosed region would take
     * every later line into its snippet, the regions after it included, and nothing else says so.
     */
    public static List<UnpairedMarker> unpairedMarkers(List<String> lines) {
        List<UnpairedMarker> open = new ArrayList<>();
        List<UnpairedMarker> unpaired = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = REGION_START.matcher(lines.get(i));
            if (start.matches()) {
                open.add(new UnpairedMarker(start.group(1), i + 1));
            } else if (REGION_END.matcher(lines.get(i)).matches()) {
                if (open.isEmpty()) {
                    unpaired.add(new UnpairedMarker(null, i + 1));
                } else {
                    open.remove(open.size() - 1);
                }
            }
        }
        unpaired.addAll(open);
        unpaired.sort(java.util.Comparator.comparingInt(UnpairedMarker::line));
        return unpaired;
    }

    private static String dedent(List<String> lines) {
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                int i = 0;
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                indent = Math.min(indent, i);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(line.isBlank() ? "" : line.substring(Math.min(indent, line.length()))).append('\n');
        }
        return out.toString();
    }

    /**
     * An include that cannot be resolved. It says what is missing as a key of the {@code course}
     * bundle with its arguments; {@link #getMessage()} is the English sentence.
     */
    public static final class IncludeException extends Exception {
        private final String key;
        private final transient List<Object> args;

        public IncludeException(String key, Object... args) {
            super(Messages.of("course", Lang.EN).get(key, args));
            this.key = key;
            this.args = List.of(args);
        }

        public String key() {
            return key;
        }

        public List<Object> args() {
            return args;
        }

        /** What is missing, in {@code lang}. */
        public String message(Lang lang) {
            return Messages.of("course", lang).get(key, args.toArray());
        }
    }
}
