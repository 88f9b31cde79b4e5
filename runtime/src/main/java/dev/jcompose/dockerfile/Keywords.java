package dev.jcompose.dockerfile;

import java.util.Locale;

/** Suggestions for a misspelt instruction keyword. */
final class Keywords {
    private Keywords() {}

    /** A hint naming the nearest keyword when it is close enough to be a typo. */
    static String suggestion(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String keyword : InstructionParser.KEYWORDS.stream().sorted().toList()) {
            int d = distance(upper, keyword);
            if (d < bestDistance) {
                best = keyword;
                bestDistance = d;
            }
        }
        return best == null
                ? "instructions are "
                        + String.join(
                                ", ",
                                InstructionParser.KEYWORDS.stream().sorted().toList())
                : "did you mean " + best + "?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
