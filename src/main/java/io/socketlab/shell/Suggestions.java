package io.socketlab.shell;

import java.util.Collection;

/** The known name closest to a mistyped one, for "did you mean": the shell's and the command line's. */
public final class Suggestions {
    /** Edits allowed for a typed word of more than {@link #SHORT} letters; shorter words get one. */
    private static final int MAX_DISTANCE = 2;
    /** Up to this length two edits change most of the word: "foo" is not a slip for "go". */
    private static final int SHORT = 3;

    private Suggestions() {
    }

    /**
     * The name in {@code known} fewest edits away from {@code typed} (a letter added, removed,
     * changed, or two neighbours swapped, as in "raed"), at most two (one for a word of three
     * letters or fewer); null when none is that close. The first of equally close names wins.
     */
    public static String closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = (typed.length() <= SHORT ? 1 : MAX_DISTANCE) + 1;
        for (String name : known) {
            int d = distance(typed, name);
            if (d < bestDistance) {
                bestDistance = d;
                best = name;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two adjacent letters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
