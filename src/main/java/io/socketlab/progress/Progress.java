package io.socketlab.progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one learner has done: chapters read, demos run, exercises passed, hints seen, and where they
 * are. A plain mutable value; {@link ProgressStore} reads and writes it.
 */
public final class Progress {
    private int currentChapter = 1;
    private String currentExercise;
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
        json.put("chaptersRead", new ArrayList<>(chaptersRead));
        json.put("demosRun", new ArrayList<>(demosRun));
        json.put("exercisesDone", new ArrayList<>(exercisesDone));
        json.put("hintsShown", new LinkedHashMap<>(hintsShown));
        return json;
    }

    static Progress fromJson(Map<?, ?> json) {
        Progress progress = new Progress();
        if (json.get("currentChapter") instanceof Number n && n.intValue() > 0) {
            progress.currentChapter = n.intValue();
        }
        if (json.get("currentExercise") instanceof String s) {
            progress.currentExercise = s;
        }
        for (Object o : list(json.get("chaptersRead"))) {
            if (o instanceof Number n) {
                progress.chaptersRead.add(n.intValue());
            }
        }
        for (Object o : list(json.get("demosRun"))) {
            if (o instanceof String s) {
                progress.demosRun.add(s);
            }
        }
        for (Object o : list(json.get("exercisesDone"))) {
            if (o instanceof String s) {
                progress.exercisesDone.add(s);
            }
        }
        if (json.get("hintsShown") instanceof Map<?, ?> hints) {
            hints.forEach((k, v) -> {
                if (k instanceof String key && v instanceof Number n) {
                    progress.hintsShown.put(key, n.intValue());
                }
            });
        }
        return progress;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
