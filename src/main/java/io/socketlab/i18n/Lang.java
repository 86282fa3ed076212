package io.socketlab.i18n;

import java.util.Locale;
import java.util.Map;

/** The languages the course and its interface are written in. */
public enum Lang {
    EN("en", Locale.ENGLISH),
    ZH("zh", Locale.SIMPLIFIED_CHINESE);

    private final String code;
    private final Locale locale;

    Lang(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** Parses "en" or "zh" (case-insensitive, region suffix allowed); null when it is neither. */
    public static Lang parse(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (Lang lang : values()) {
            if (lower.equals(lang.code) || lower.startsWith(lang.code + "_") || lower.startsWith(lang.code + "-")) {
                return lang;
            }
        }
        return null;
    }

    /**
     * The language a user expects when they did not choose one: the POSIX locale variables
     * (LC_ALL, LC_MESSAGES, LANG, in that order of precedence), then the JVM default locale.
     */
    public static Lang fromEnvironment(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                Lang lang = parse(value);
                return lang == null ? EN : lang;
            }
        }
        Lang lang = parse(Locale.getDefault().getLanguage());
        return lang == null ? EN : lang;
    }
}
