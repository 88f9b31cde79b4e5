package dev.jcompose.watch;

import dev.jcompose.JcomposeException;
import dev.jcompose.model.BuildConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dockerignore patterns ({@code *}, {@code ?}, {@code **}, {@code [...]}, {@code !} exceptions, last
 * match wins) anchored at a directory, matched against absolute paths and their parents, as compose's
 * watch applies them to {@code develop.watch.ignore}/{@code include} and the build context's
 * {@code .dockerignore}. A minimal matcher for watch alone: it should give way to the build's shared
 * ignore rules once those exist.
 */
final class WatchIgnore {
    private record Rule(Pattern regex, boolean exclusion) {}

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

    private final List<Rule> rules;

    private WatchIgnore(List<Rule> rules) {
        this.rules = rules;
    }

    /** {@code patterns} relative to {@code base}; {@code *} alone keeps only the exceptions, as compose does. */
    static WatchIgnore of(Path base, List<String> patterns) {
        boolean all = patterns.contains("*");
        List<Rule> rules = new ArrayList<>();
        for (String raw : patterns) {
            String p = raw.trim();
            if (p.isEmpty() || p.startsWith("#") || all && !p.startsWith("!")) {
                continue;
            }
            boolean exclusion = p.startsWith("!");
            String path = exclusion ? p.substring(1) : p;
            String anchored = base.resolve(path.startsWith("/") ? path.substring(1) : path)
                    .normalize()
                    .toString();
            rules.add(new Rule(Pattern.compile(regex(anchored)), exclusion));
        }
        return new WatchIgnore(rules);
    }

    static WatchIgnore ephemeral() {
        return of(Path.of("/"), EPHEMERAL);
    }

    /**
     * The build context's {@code <dockerfile>.dockerignore} or {@code .dockerignore}; none without a
     * build. Unlike compose's watch, the Dockerfile and the ignore file itself always count (a rebuild
     * rule on the Dockerfile would otherwise never fire where .dockerignore lists it).
     */
    static WatchIgnore dockerignore(BuildConfig build) {
        if (build == null || build.context() == null) {
            return of(Path.of("/"), List.of());
        }
        Path context = Path.of(build.context());
        String dockerfile = build.dockerfile() == null ? "Dockerfile" : build.dockerfile();
        Path specific = context.resolve(dockerfile + ".dockerignore");
        Path file = Files.isRegularFile(specific) ? specific : context.resolve(".dockerignore");
        if (!Files.isRegularFile(file)) {
            return of(context, List.of());
        }
        try {
            // the builder always reads these two, whatever the file lists: a change to them is a change to the build
            List<String> patterns = new ArrayList<>(Files.readAllLines(file));
            patterns.addAll(List.of("!" + dockerfile, "!" + context.relativize(file)));
            return of(context, patterns);
        } catch (IOException e) {
            throw new JcomposeException("cannot read " + file + ": " + e.getMessage(), "check its permissions");
        }
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Whether the last pattern matching {@code path} or one of its parents ignores it. */
    boolean matches(Path path) {
        boolean matched = false;
        for (Rule r : rules) {
            if (matched == r.exclusion && matchesOrParent(r.regex, path)) {
                matched = !r.exclusion;
            }
        }
        return matched;
    }

    private static boolean matchesOrParent(Pattern regex, Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (regex.matcher(p.toString()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Docker's pattern syntax as a regular expression on a whole path. */
    static String regex(String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                i++;
                boolean slash = i + 1 < pattern.length() && pattern.charAt(i + 1) == '/';
                if (slash) {
                    i++;
                }
                out.append(slash ? "(?:.*/)?" : ".*");
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 1);
                if (end < 0) {
                    throw new JcomposeException(
                            "invalid ignore pattern \"" + pattern + "\": unclosed [", "close the character class");
                }
                String set = pattern.substring(i + 1, end);
                out.append('[')
                        .append(
                                set.startsWith("!") || set.startsWith("^")
                                        ? "^" + quoteSet(set.substring(1))
                                        : quoteSet(set))
                        .append(']');
                i = end;
            } else if (c == '\\' && i + 1 < pattern.length()) {
                out.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }

    private static String quoteSet(String set) {
        return set.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
    }
}
