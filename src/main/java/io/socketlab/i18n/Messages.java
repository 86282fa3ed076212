package io.socketlab.i18n;

import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * User-facing text of one part of the program in one language. Each part keeps its own bundle,
 * {@code io/socketlab/i18n/<part>_<lang>.properties} (UTF-8), so parts never edit each other's files.
 */
public final class Messages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private final ResourceBundle bundle;
    private final Lang lang;

    private Messages(ResourceBundle bundle, Lang lang) {
        this.bundle = bundle;
        this.lang = lang;
    }

    /** Loads the bundle of {@code part} (for example "shell", "demo", "grade") in {@code lang}. */
    public static Messages of(String part, Lang lang) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "io.socketlab.i18n." + part, lang.locale(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, lang);
    }

    public Lang lang() {
        return lang;
    }

    /** {@code items} as a list in a sentence: {@code a, b, c} in English, {@code a、b、c} in Chinese. */
    public String list(java.util.Collection<?> items) {
        return items.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(lang == Lang.ZH ? "、" : ", "));
    }

    /**
     * The text for {@code key} with {@code {0}}, {@code {1}}... replaced by the arguments; the key
     * itself when it is missing. Apostrophes need no escaping (this is not MessageFormat).
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // one pass, so an argument that itself contains "{1}" (a learner's reply, say) stays as it is
        Matcher slot = PLACEHOLDER.matcher(pattern);
        StringBuilder text = new StringBuilder();
        while (slot.find()) {
            int i = Integer.parseInt(slot.group(1));
            slot.appendReplacement(text, Matcher.quoteReplacement(i < args.length ? String.valueOf(args[i]) : slot.group()));
        }
        return slot.appendTail(text).toString();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
