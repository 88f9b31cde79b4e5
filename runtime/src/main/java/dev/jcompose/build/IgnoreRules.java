package dev.jcompose.build;

import dev.jcompose.dockerfile.DockerfileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A .dockerignore file (or a COPY's {@code --exclude} list) with Docker's rules: one pattern a line,
 * {@code #} comments, blank lines skipped, patterns trimmed and cleaned ({@code ./a} is {@code a}, a
 * leading {@code /} dropped), {@code !} re-includes, the last matching pattern wins, and a pattern that
 * matches a directory matches everything under it. Paths are relative to the context, {@code /}-separated.
 */
public final class IgnoreRules {
    private static final IgnoreRules NONE = new IgnoreRules(List.of());
    private static final String BOM = "\uFEFF";

    private final List<IgnorePattern> patterns;

    private IgnoreRules(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Nothing ignored (a stage's root file system). */
    public static IgnoreRules none() {
        return NONE;
    }

    /**
     * The rules for building with {@code dockerfile} from {@code contextDir}: {@code <Dockerfile>.dockerignore}
     * next to the Dockerfile when it exists (BuildKit's rule), otherwise the context's .dockerignore. As
     * the docker CLI does, the .dockerignore and the Dockerfile themselves stay in the context even when
     * a pattern matches them. {@code dockerfile} is null for an inline Dockerfile.
     */
    public static IgnoreRules load(Path contextDir, Path dockerfile) {
        Path own = dockerfile == null ? null : dockerfile.resolveSibling(dockerfile.getFileName() + ".dockerignore");
        Path file = own != null && Files.isRegularFile(own) ? own : contextDir.resolve(".dockerignore");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        IgnoreRules rules;
        try {
            rules = parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        rules = rules.keeping(".dockerignore");
        if (dockerfile == null) {
            return rules;
        }
        Path ctx = contextDir.toAbsolutePath().normalize();
        Path df = dockerfile.toAbsolutePath().normalize();
        return df.startsWith(ctx) ? rules.keeping(ctx.relativize(df).toString()) : rules;
    }

    /** Parses an ignore file's text; {@code fileName} names it in errors. */
    public static IgnoreRules parse(String text, String fileName) {
        List<IgnorePattern> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int n = 0; n < lines.size(); n++) {
            String line = n == 0 && lines.get(0).startsWith(BOM) ? lines.get(0).substring(1) : lines.get(n);
            if (line.startsWith("#")) {
                continue;
            }
            String p = line.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean exception = p.startsWith("!");
            if (exception) {
                p = p.substring(1).strip();
            }
            if (!p.isEmpty()) {
                p = GoFilepath.clean(p);
                if (p.length() > 1 && p.startsWith("/")) {
                    p = p.substring(1);
                }
            }
            try {
                out.add(compile((exception ? "!" : "") + p));
            } catch (IllegalArgumentException e) {
                throw new DockerfileException(
                        fileName, n + 1, e.getMessage(), "fix the pattern (see the .dockerignore syntax)");
            }
        }
        return new IgnoreRules(out);
    }

    /**
     * Rules from patterns already split (COPY {@code --exclude}); throws {@link IllegalArgumentException}
     * for a malformed one.
     */
    public static IgnoreRules of(List<String> patterns) {
        List<IgnorePattern> out = new ArrayList<>();
        for (String p : patterns) {
            String t = p.strip();
            if (!t.isEmpty()) {
                out.add(compile(t));
            }
        }
        return new IgnoreRules(out);
    }

    private static IgnorePattern compile(String raw) {
        String p = GoFilepath.clean(raw.strip());
        boolean exception = p.startsWith("!");
        if (exception) {
            if (p.length() == 1) {
                throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
            }
            p = p.substring(1);
        }
        try {
            GoFilepath.validate(p);
            return new IgnorePattern(p, exception);
        } catch (GoFilepath.BadPatternException e) {
            throw new IllegalArgumentException("syntax error in pattern '" + raw + "'", e);
        }
    }

    /** These rules plus an exception for {@code path} when they would exclude it. */
    public IgnoreRules keeping(String path) {
        if (!excludes(path)) {
            return this;
        }
        List<IgnorePattern> more = new ArrayList<>(patterns);
        more.add(compile("!" + path));
        return new IgnoreRules(more);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /**
     * True when {@code path} (relative, {@code /}-separated) is excluded: the last pattern matching it or
     * one of its parent directories decides.
     */
    public boolean excludes(String path) {
        String file = GoFilepath.clean(path);
        if (file.equals(".")) {
            return false; // the context root itself is never excluded
        }
        int slash = file.lastIndexOf('/');
        String[] parents = slash < 0 ? new String[0] : file.substring(0, slash).split("/");
        boolean matched = false;
        for (IgnorePattern p : patterns) {
            if (p.exception() != matched) {
                continue; // cannot change the outcome
            }
            boolean m = p.matches(file);
            StringBuilder parent = new StringBuilder();
            for (int i = 0; !m && i < parents.length; i++) {
                parent.append(i == 0 ? "" : "/").append(parents[i]);
                m = p.matches(parent.toString());
            }
            if (m) {
                matched = !p.exception();
            }
        }
        return matched;
    }

    /**
     * Whether something under the excluded directory {@code dir} may still be re-included by an
     * exception, so a walk must enter it. Literal exceptions are checked by prefix; any wildcard exception
     * answers yes.
     */
    public boolean mayIncludeUnder(String dir) {
        String prefix = GoFilepath.clean(dir) + "/";
        for (IgnorePattern p : patterns) {
            if (p.exception() && (!p.literal() || p.text().startsWith(prefix))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return patterns.stream()
                .map(p -> (p.exception() ? "!" : "") + p.text())
                .toList()
                .toString();
    }
}
