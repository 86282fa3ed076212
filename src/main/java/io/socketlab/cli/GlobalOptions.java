package io.socketlab.cli;

import io.socketlab.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/** Options every command accepts: language, plain output and the course folder. */
public final class GlobalOptions {
    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "en|zh", converter = LangConverter.class,
            description = "Language of lessons and messages (default: from the locale).")
    Lang lang;

    @Option(names = "--plain", scope = ScopeType.INHERIT,
            description = "Plain text: no colours, no escape codes, no pager.")
    boolean plain;

    @Option(names = "--course", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Course folder holding lessons/ and exercises/ (default: the SocketLab folder).")
    Path course;

    private final Map<String, String> env;

    public GlobalOptions() {
        this(System.getenv());
    }

    GlobalOptions(Map<String, String> env) {
        this.env = env;
    }

    public Lang lang() {
        return lang != null ? lang : Lang.fromEnvironment(env);
    }

    /**
     * The language for the course shell: {@code --lang} when given, else the one the learner last
     * chose there with {@code lang} ({@code saved}, a code, may be null), else the locale's.
     */
    public Lang shellLang(String saved) {
        Lang chosen = saved == null ? null : Lang.parse(saved);
        return lang != null || chosen == null ? lang() : chosen;
    }

    /** True when the user asked for plain text, or the environment says colours are unwelcome. */
    public boolean plainRequested() {
        String term = env.get("TERM");
        return plain || env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty() || "dumb".equals(term);
    }

    /**
     * The course folder: {@code --course}, else {@code SOCKETLAB_HOME} (set by the launcher to its
     * own folder), else the working directory.
     */
    public Path courseRoot() {
        if (course != null) {
            return course.toAbsolutePath().normalize();
        }
        String home = env.get("SOCKETLAB_HOME");
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home))) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath();
    }

    public Map<String, String> env() {
        return env;
    }

    static final class LangConverter implements ITypeConverter<Lang> {
        @Override
        public Lang convert(String value) {
            Lang lang = Lang.parse(value);
            if (lang == null) {
                throw new TypeConversionException("unknown language '" + value + "' (choose en or zh)");
            }
            return lang;
        }
    }
}
