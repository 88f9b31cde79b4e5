package dev.jcompose.schema;

import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.YamlPath;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a mapping may hold. Any other key, except extensions ({@code x-*}), is an error with
 * compose's wording, and a near miss (edit distance at most 2) earns a "did you mean" hint.
 */
public record KeySet(Set<String> keys) {
    private static final int MAX_DISTANCE = 2;

    public KeySet {
        keys = Set.copyOf(keys);
    }

    public static KeySet of(String... keys) {
        return new KeySet(Set.of(keys));
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }

    public void check(MapNode map, YamlPath path) {
        for (MapNode.Field f : map.fields()) {
            if (!keys.contains(f.key()) && !f.key().startsWith("x-")) {
                throw new ComposeFileException(
                        f.keyLocation(),
                        path,
                        "additional property '" + f.key() + "' is not allowed",
                        suggestion(f.key()));
            }
        }
    }

    /** {@code did you mean 'ports'?} for the closest known key, or null when none is close. */
    public String suggestion(String unknown) {
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (String k : new TreeSet<>(keys)) {
            int d = distance(unknown, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? null : "did you mean '" + best + "'?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
