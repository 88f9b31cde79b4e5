package dev.jcompose.build;

import dev.jcompose.dockerfile.DockerfileException;
import dev.jcompose.dockerfile.Instruction;
import dev.jcompose.dockerfile.SourceLine;
import java.util.List;

/**
 * Turns one written COPY source into the trees it brings. A plain path must exist (symlinks in it,
 * the last one included, are followed inside the root, as BuildKit does for sources); a pattern brings
 * its matches, possibly none, as in BuildKit (so {@code COPY package.json yarn.loc[k] ./} works without
 * a lock file). {@code --exclude} removes matches and entries below them.
 */
final class SourceResolver {
    private final BuildContext context;
    private final Instruction.Copy copy;
    private final IgnoreRules excludes;

    SourceResolver(BuildContext context, Instruction.Copy copy, IgnoreRules excludes) {
        this.context = context;
        this.copy = copy;
        this.excludes = excludes;
    }

    SourceLine at() {
        return copy.at();
    }

    void resolve(String source, List<CopyPlan.Item> out) {
        if (context == null) {
            throw notFound(source);
        }
        String rel = GoFilepath.clean("/" + source).substring(1);
        if (!GoFilepath.hasWildcards(rel)) {
            String followed = context.follow(rel);
            if (followed == null) {
                throw notFound(source);
            }
            out.add(tree(rel, followed));
            return;
        }
        List<SourceGlob.Match> matches;
        try {
            matches = SourceGlob.expand(context, rel);
        } catch (GoFilepath.BadPatternException e) {
            throw new DockerfileException(copy.at(), e.getMessage() + " (source " + source + ")", "fix the pattern");
        }
        for (SourceGlob.Match m : matches) {
            if (excludes.excludes(m.name())) {
                continue;
            }
            String followed = context.follow(m.rel());
            if (followed == null) {
                throw notFound(m.rel());
            }
            out.add(tree(m.rel(), followed));
        }
    }

    private CopyPlan.Tree tree(String rel, String followed) {
        List<SourceEntry> entries = new SourceTree(context, excludes).entries(followed);
        if (entries.isEmpty()) {
            throw new DockerfileException(
                    copy.at(),
                    rel + " in the " + context.description() + " is a socket, fifo or device, which "
                            + copy.at().keyword() + " does not copy",
                    "copy regular files, directories and symlinks only");
        }
        boolean unpack = copy.add()
                && entries.get(0).type() == SourceEntry.Type.FILE
                && ArchiveExpander.isArchive(entries.get(0).host());
        String name = rel.isEmpty() ? "" : rel.substring(rel.lastIndexOf('/') + 1);
        return new CopyPlan.Tree(name, entries, unpack);
    }

    private DockerfileException notFound(String source) {
        String where = context == null ? "build context" : context.description();
        String problem = where.equals("build context")
                ? "file not found in build context or excluded by .dockerignore: stat " + source
                        + ": file does not exist"
                : "file not found in " + where + ": stat " + source + ": file does not exist";
        return new DockerfileException(
                copy.at(),
                problem,
                where.equals("build context")
                        ? "source paths are relative to the build context; check the name and the .dockerignore"
                        : "check the path in that stage");
    }
}
