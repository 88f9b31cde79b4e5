package dev.jcompose.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Expands a COPY source with wildcards as BuildKit does: the components before the first wildcard are a
 * plain path (symlinks followed inside the root), the rest is a {@link GoFilepath} pattern matched
 * against paths below it. A matching directory is taken whole (not searched further); entries the
 * context ignores never match. Matches come in walk order (depth first, names sorted).
 */
final class SourceGlob {
    /**
     * @param rel  the match, relative to the context root (symlinks in it not followed)
     * @param name the match relative to the plain part, what {@code --exclude} patterns are tested against
     */
    record Match(String rel, String name) {}

    private SourceGlob() {}

    /** The matches of {@code source} (a cleaned relative path with wildcards); empty when none. */
    static List<Match> expand(BuildContext context, String source) {
        List<String> parts = Arrays.asList(source.split("/"));
        int first = 0;
        while (!GoFilepath.hasWildcards(parts.get(first))) {
            first++;
        }
        String pattern = String.join("/", parts.subList(first, parts.size()));
        GoFilepath.validate(pattern);
        String base = context.follow(String.join("/", parts.subList(0, first)));
        List<Match> out = new ArrayList<>();
        if (base != null && BuildContext.attrs(context.host(base)).isDirectory()) {
            walk(context, base, "", pattern, parts.size() - first, out);
        }
        return out;
    }

    /** Depth is bounded by the pattern's component count: {@code *} and {@code ?} never match {@code /}. */
    private static void walk(BuildContext context, String dir, String rel, String pattern, int depth, List<Match> out) {
        for (String name : context.list(dir)) {
            String c = dir.isEmpty() ? name : dir + "/" + name;
            String r = rel.isEmpty() ? name : rel + "/" + name;
            if (!context.visible(c)) {
                continue;
            }
            boolean isDir = BuildContext.attrs(context.host(c)).isDirectory();
            if (GoFilepath.matches(pattern, r)) {
                out.add(new Match(c, r));
            } else if (isDir && depth > 1) {
                walk(context, c, r, pattern, depth - 1, out);
            }
        }
    }
}
