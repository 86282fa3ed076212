package io.socketlab.grade;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the test JVM says of a run while it goes, on its control channel: {@code plan TOKEN [..]}
 * (the tests it will run), {@code start TOKEN ID} and {@code test TOKEN {..}} (a result). Only lines
 * with the run's secret token count, so learner code writing to file descriptor 2 cannot add
 * results. When a run is stopped at the time limit, this is what was judged before it.
 */
final class RunProgress {
    private String token;
    private List<Map<String, Object>> planned = List.of();
    private String running;
    private boolean hasPlan;
    private final Map<String, Map<String, Object>> finished = new LinkedHashMap<>();
    /** {@link System#nanoTime()} of the run's start or of its last test to start or finish. */
    private long lastEvent = System.nanoTime();

    /** Forgets the previous run; lines of the run with {@code token} are taken from now on. */
    synchronized void begin(String token) {
        this.token = token;
        planned = List.of();
        hasPlan = false;
        running = null;
        finished.clear();
        lastEvent = System.nanoTime();
    }

    /** When the run began, or a test of it last started or finished ({@link System#nanoTime()}). */
    synchronized long lastEvent() {
        return lastEvent;
    }

    /**
     * Where in {@code line} a message of the current run begins ({@code plan}, {@code start},
     * {@code test} or {@code done} with its token), or -1. Usually 0; later when learner code wrote
     * to file descriptor 2 without ending its line, so that its text comes first.
     */
    synchronized int messageStart(String line) {
        if (token == null) {
            return -1;
        }
        int first = -1;
        for (String kind : new String[] {"plan ", "start ", "test ", "done "}) {
            int at = line.indexOf(kind + token);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** Takes {@code line} when it is progress of the current run; false when it is something else. */
    synchronized boolean take(String line) {
        if (token == null) {
            return false;
        }
        try {
            if (line.startsWith("plan " + token + " ")) {
                planned = JSON.std.listFrom(line.substring(("plan " + token + " ").length())).stream()
                        .map(RunProgress::copy).toList();
                // the tests' limits start now: the JVM's start and the discovery had their own
                hasPlan = true;
                lastEvent = System.nanoTime();
            } else if (line.startsWith("start " + token + " ")) {
                running = line.substring(("start " + token + " ").length());
                lastEvent = System.nanoTime();
            } else if (line.startsWith("test " + token + " ")) {
                Map<String, Object> test = JSON.std.mapFrom(line.substring(("test " + token + " ").length()));
                finished.put(String.valueOf(test.get("id")), test);
                running = null;
                lastEvent = System.nanoTime();
            } else {
                return false;
            }
            return true;
        } catch (IOException | RuntimeException e) {
            // not a line the child wrote (a learner writing to fd 2 can only guess at the token)
            return false;
        }
    }

    /** Whether the tests were found: before that, the JVM is starting or looking for them. */
    synchronized boolean hasPlan() {
        return hasPlan;
    }

    /** Whether a test had started and not finished: false while the tests' setup runs, or between classes. */
    synchronized boolean testRunning() {
        return running != null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Object test) {
        return new LinkedHashMap<>((Map<String, Object>) test);
    }

    /**
     * Every planned test in the plan's order: its result when it finished, else a failure saying
     * it was still running ({@code stillRunning}) or never ran ({@code neverRan}); empty when the
     * plan never came (the time limit came before the tests were found).
     */
    synchronized List<Map<String, Object>> judged(String stillRunning, String neverRan) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Map<String, Object> test : planned) {
            String id = String.valueOf(test.get("id"));
            Map<String, Object> result = finished.get(id);
            if (result == null) {
                result = new LinkedHashMap<>(test);
                result.put("status", "fail");
                result.put("message", id.equals(running) ? stillRunning : neverRan);
                result.put("output", "");
            }
            tests.add(result);
        }
        return tests;
    }
}
