package dev.jcompose.watch;

import dev.jcompose.JcomposeException;
import dev.jcompose.build.IgnoreRules;
import dev.jcompose.model.BuildConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * Dockerignore patterns anchored at a directory and matched against absolute paths, as compose's
 * watch applies them to {@code develop.watch.ignore}/{@code include} and the build context's
 * {@code .dockerignore}: the builder's {@link IgnoreRules} (Docker's pattern rules, {@code !}
 * exceptions, {@code **}, last match wins, a path excluded with its parents) on the path relative to
 * the anchor.
 */
final class WatchIgnore {
    /** Editors' swap and temp files (GoLand, Emacs, Vim, Kate, Go) and .git directories. */
    private static final List<String> EPHEMERAL = List.of(
            "**/*___jb_old___",
            "**/*___jb_tmp___",
            "**/.idea/**",
            "**/.#*",
            "**/#*#",
            "**/4913",
            "**/*~",
            "**/.*.swp",
            "**/.*.swx",
            "**/.*.swo",
            "**/.*.swn",
            "**/.*.kate-swp",
            "**/*-go-tmp-umask",
            "**/.git");

    private final Path base;
    private final IgnoreRules rules;

    private WatchIgnore(Path base, IgnoreRules rules) {
        this.base = base;
        this.rules = rules;
    }

    /** {@code patterns} relative to {@code base}; {@code *} alone keeps only the exceptions, as compose does. */
    static WatchIgnore of(Path base, List<String> patterns) {
        boolean all = patterns.contains("*");
        List<String> kept = patterns.stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty() && !p.startsWith("#"))
                .filter(p -> !all || p.startsWith("!"))
                .map(p -> p.startsWith("!/") ? "!" + p.substring(2) : p.startsWith("/") ? p.substring(1) : p)
                .toList();
        try {
            return new WatchIgnore(base, IgnoreRules.of(kept));
        } catch (IllegalArgumentException e) {
            throw new JcomposeException(
                    "invalid develop.watch pattern under " + base + ": " + e.getMessage(),
                    "use dockerignore syntax (*, ?, **, [...], ! exceptions)");
        }
    }

    static WatchIgnore ephemeral() {
        return of(Path.of("/"), EPHEMERAL);
    }

    /**
     * The build context's {@code <dockerfile>.dockerignore} or {@code .dockerignore} (none without a
     * build), read as the builder reads it: the Dockerfile and the ignore file always count, so a
     * rebuild rule on the Dockerfile fires even where .dockerignore lists it (and so does
     * {@code <dockerfile>.dockerignore}).
     */
    static WatchIgnore dockerignore(BuildConfig build) {
        if (build == null || build.context() == null) {
            return new WatchIgnore(Path.of("/"), IgnoreRules.none());
        }
        Path context = Path.of(build.context());
        String dockerfile = build.dockerfile() == null ? "Dockerfile" : build.dockerfile();
        return new WatchIgnore(
                context, IgnoreRules.load(context, context.resolve(dockerfile)).keeping(dockerfile + ".dockerignore"));
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether the last pattern matching {@code path} or one of its parents ignores it. */
    boolean matches(Path path) {
        if (!path.startsWith(base) || path.equals(base)) {
            return false;
        }
        return rules.excludes(base.relativize(path).toString());
    }
}
