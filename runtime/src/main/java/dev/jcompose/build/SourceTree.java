package dev.jcompose.build;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries one COPY source brings, in a stable depth-first order (parents before children, names
 * sorted): the source itself, then, for a directory, everything under it that neither the context's
 * ignore rules nor the instruction's {@code --exclude} patterns remove. Symlinks below the source are
 * entries of their own, never followed. A directory excluded as a whole is still entered when an
 * exception may re-include something inside; it is then kept only as the parent of what was re-included.
 */
final class SourceTree {
    private final BuildContext context;
    private final IgnoreRules excludes;

    SourceTree(BuildContext context, IgnoreRules excludes) {
        this.context = context;
        this.excludes = excludes;
    }

    /** The entries of the source at {@code followed} (a context path without symlinks; {@code ""} is the root). */
    List<SourceEntry> entries(String followed) {
        List<SourceEntry> out = new ArrayList<>();
        SourceEntry top = SourceEntry.read("", context.host(followed));
        if (top == null) {
            return out;
        }
        out.add(top);
        if (top.isDirectory()) {
            walk(followed, "", out);
        }
        return out;
    }

    private void walk(String contextRel, String rel, List<SourceEntry> out) {
        for (String name : context.list(contextRel)) {
            String c = contextRel.isEmpty() ? name : contextRel + "/" + name;
            String r = rel.isEmpty() ? name : rel + "/" + name;
            SourceEntry e = SourceEntry.read(r, context.host(c));
            if (e == null) {
                continue;
            }
            boolean ignored = context.rules().excludes(c);
            boolean excluded = excludes.excludes(r);
            if (!ignored && !excluded) {
                out.add(e);
                if (e.isDirectory()) {
                    walk(c, r, out);
                }
            } else if (e.isDirectory()
                    && (!ignored || context.rules().mayIncludeUnder(c))
                    && (!excluded || excludes.mayIncludeUnder(r))) {
                List<SourceEntry> inside = new ArrayList<>();
                walk(c, r, inside);
                if (!inside.isEmpty()) {
                    out.add(e);
                    out.addAll(inside);
                }
            }
        }
    }
}
