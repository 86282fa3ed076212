package io.socketlab.progress;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.i18n.Lang;
import io.socketlab.progress.ProgressStore.Warning.Detail;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one learner has done: chapters read, demos run, exercises passed, hints seen, and where they
 * are. A plain mutable value; {@link ProgressStore} reads it and changes the stored one.
 */
public final class Progress {
    /** Higher chapter numbers in the file are taken for hand edits gone wrong. */
    static final int MAX_CHAPTER = 9999;
    /** More hints seen than any exercise has behaves as "all seen"; a larger count is a slip. */
    static final int MAX_HINTS_SHOWN = 999;

    private int currentChapter = 1;
    private String currentExercise;
    /** The language code the learner chose in the shell ({@code lang zh}), or null. */
    private String language;
    private final Set<Integer> chaptersRead = new LinkedHashSet<>();
    private final Set<String> demosRun = new LinkedHashSet<>();
    private final Set<String> exercisesDone = new LinkedHashSet<>();
    private final Map<String, Integer> hintsShown = new LinkedHashMap<>();

    public int currentChapter() {
        return currentChapter;
    }

    public void setCurrentChapter(int chapter) {
        this.currentChapter = chapter;
    }

    /** The exercise the learner is working on, or null before they start one. */
    public String currentExercise() {
        return currentExercise;
    }

    public void setCurrentExercise(String id) {
        this.currentExercise = id;
    }

    /** The language the learner last chose in the course shell, as its code, or null if never. */
    public String language() {
        return language;
    }

    public void setLanguage(String code) {
        this.language = code;
    }

    public boolean isRead(int chapter) {
        return chaptersRead.contains(chapter);
    }

    public void markRead(int chapter) {
        chaptersRead.add(chapter);
    }

    public Set<Integer> chaptersRead() {
        return Set.copyOf(chaptersRead);
    }

    public boolean hasRun(String demo) {
        return demosRun.contains(demo);
    }

    public void markRun(String demo) {
        demosRun.add(demo);
    }

    public boolean isDone(String exercise) {
        return exercisesDone.contains(exercise);
    }

    public void markDone(String exercise) {
        exercisesDone.add(exercise);
    }

    public Set<String> exercisesDone() {
        return Set.copyOf(exercisesDone);
    }

    /** How many hints of this exercise the learner has already seen. */
    public int hintsShown(String exercise) {
        return hintsShown.getOrDefault(exercise, 0);
    }

    public void setHintsShown(String exercise, int count) {
        hintsShown.put(exercise, count);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", 1);
        json.put("currentChapter", currentChapter);
        if (currentExercise != null) {
            json.put("currentExercise", currentExercise);
        }
        if (language != null) {
            json.put("language", language);
        }
        json.put("chaptersRead", new ArrayList<>(chaptersRead));
        json.put("demosRun", new ArrayList<>(demosRun));
        json.put("exercisesDone", new ArrayList<>(exercisesDone));
        json.put("hintsShown", new LinkedHashMap<>(hintsShown));
        return json;
    }

    /**
     * The progress in {@code json}, as far as it can be used. A value of the wrong type is left out
     * and a counter or chapter number out of range is brought into it; each is added to
     * {@code faults}, so nothing is changed silently.
     */
    static Progress fromJson(Map<?, ?> json, List<Detail> faults) {
        Progress progress = new Progress();
        Object chapter = json.get("currentChapter");
        if (chapter instanceof Number n) {
            progress.currentChapter = clamped("currentChapter", n, 1, MAX_CHAPTER, faults);
        } else if (chapter != null) {
            faults.add(replaced("currentChapter", chapter, progress.currentChapter));
        }
        Object exercise = json.get("currentExercise");
        if (exercise instanceof String s) {
            progress.currentExercise = s;
        } else if (exercise != null) {
            faults.add(leftOut("currentExercise", exercise));
        }
        Object language = json.get("language");
        if (language instanceof String s && Lang.parse(s) != null) {
            progress.language = s;
        } else if (language != null) {
            faults.add(leftOut("language", language));
        }
        for (Object o : list("chaptersRead", json, faults)) {
            if (o instanceof Number n && wholeIn(n, 1, MAX_CHAPTER)) {
                progress.chaptersRead.add(n.intValue());
            } else {
                faults.add(leftOut("chaptersRead", o));
            }
        }
        for (Object o : list("demosRun", json, faults)) {
            if (o instanceof String s) {
                progress.demosRun.add(s);
            } else {
                faults.add(leftOut("demosRun", o));
            }
        }
        for (Object o : list("exercisesDone", json, faults)) {
            if (o instanceof String s) {
                progress.exercisesDone.add(s);
            } else {
                faults.add(leftOut("exercisesDone", o));
            }
        }
        Object hints = json.get("hintsShown");
        if (hints instanceof Map<?, ?> counts) {
            counts.forEach((k, v) -> {
                String field = "hintsShown." + k;
                if (v instanceof Number n) {
                    progress.hintsShown.put(String.valueOf(k), clamped(field, n, 0, MAX_HINTS_SHOWN, faults));
                } else {
                    faults.add(leftOut(field, v));
                }
            });
        } else if (hints != null) {
            faults.add(leftOut("hintsShown", hints));
        }
        return progress;
    }

    /** {@code n} rounded down and brought into {@code [min, max]}; a fault when that changed it. */
    private static int clamped(String field, Number n, int min, int max, List<Detail> faults) {
        BigDecimal exact = new BigDecimal(n.toString());
        BigDecimal whole = exact.setScale(0, RoundingMode.FLOOR).max(BigDecimal.valueOf(min)).min(BigDecimal.valueOf(max));
        if (whole.compareTo(exact) != 0) {
            faults.add(replaced(field, n, whole.intValue()));
        }
        return whole.intValueExact();
    }

    private static boolean wholeIn(Number n, int min, int max) {
        BigDecimal exact = new BigDecimal(n.toString());
        return exact.compareTo(BigDecimal.valueOf(min)) >= 0 && exact.compareTo(BigDecimal.valueOf(max)) <= 0
                && exact.stripTrailingZeros().scale() <= 0;
    }

    private static List<?> list(String field, Map<?, ?> json, List<Detail> faults) {
        Object value = json.get(field);
        if (value instanceof List<?> l) {
            return l;
        }
        if (value != null) {
            faults.add(leftOut(field, value));
        }
        return List.of();
    }

    /** {@code field} held {@code found}, which is left out. */
    private static Detail leftOut(String field, Object found) {
        return new Detail("fault.left-out", List.of(field, shortJson(found)));
    }

    /** {@code field} held {@code found}; {@code now} is used instead. */
    private static Detail replaced(String field, Object found, int now) {
        return new Detail("fault.replaced", List.of(field, shortJson(found), String.valueOf(now)));
    }

    /** {@code value} as JSON text, cut short when long: for messages about the file. */
    static String shortJson(Object value) {
        String text;
        try {
            text = JSON.std.asString(value);
        } catch (IOException e) {
            text = String.valueOf(value);
        }
        return text.length() > 40 ? text.substring(0, 39) + "…" : text;
    }
}
