package io.socketlab.course;

import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One exercise folder, {@code exercises/NN-slug/}: its statement's front matter and where its
 * starter, visible tests, hidden tests and reference solution live.
 *
 * @param id the folder name, for example {@code 01-phone-server}
 * @param number the {@code NN} prefix
 * @param titles the title per language; English is always present
 * @param hints the hints per language, in the order they are shown
 * @param timeoutSeconds wall-clock limit of one test run
 */
public record Exercise(String id, int number, Path dir, Map<Lang, String> titles, int points,
        int timeoutSeconds, Map<Lang, List<String>> hints) {

    /** The title in {@code lang}, falling back to English. */
    public String title(Lang lang) {
        return titles.getOrDefault(lang, titles.get(Lang.EN));
    }

    /** The hints in {@code lang}, falling back to English; never null. */
    public List<String> hints(Lang lang) {
        List<String> own = hints.get(lang);
        return own != null && !own.isEmpty() ? own : hints.getOrDefault(Lang.EN, List.of());
    }

    public Path srcDir() {
        return dir.resolve("src");
    }

    public Path testDir() {
        return dir.resolve("test");
    }

    public Path hiddenDir() {
        return dir.resolve("hidden");
    }

    public Path solutionDir() {
        return dir.resolve("solution");
    }

    /** True when {@code name} names this exercise: its id ({@code 03-loop-server}) or its number ({@code 3}). */
    public boolean isNamed(String name) {
        return id.equals(name) || name.matches("\\d{1,9}") && number == Integer.parseInt(name);
    }

    /** The Java package of the exercise, {@code exercise.<slug with underscores>}. */
    public String javaPackage() {
        return "exercise." + id.substring(id.indexOf('-') + 1).replace('-', '_');
    }
}
