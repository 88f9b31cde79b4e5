package dev.jcompose.yaml;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;

/**
 * A compose file is wrong. The message always reads {@code file:line:col: path: problem}, so an
 * editor can jump to it, and the hint says how to fix it.
 */
public class ComposeFileException extends JcomposeException {
    private final Location location;
    private final YamlPath path;
    private final String problem;

    public ComposeFileException(Location location, YamlPath path, String problem, String hint) {
        this(location, path, problem, hint, ExitCode.COMPOSE_PARSE);
    }

    public ComposeFileException(Location location, YamlPath path, String problem, String hint, int exitCode) {
        this(location, path, problem, hint, exitCode, true);
    }

    private ComposeFileException(
            Location location, YamlPath path, String problem, String hint, int exitCode, boolean showPath) {
        super(format(location, showPath ? path : null, problem), hint, exitCode);
        this.location = location;
        this.path = path;
        this.problem = problem;
    }

    /** For problems whose wording already names the path (compose's own messages do, sometimes). */
    public static ComposeFileException pathInProblem(Location location, YamlPath path, String problem, String hint) {
        return new ComposeFileException(location, path, problem, hint, dev.jcompose.ExitCode.COMPOSE_PARSE, false);
    }

    private static String format(Location location, YamlPath path, String problem) {
        String where = location == null ? "" : location + ": ";
        String at = path == null || path.depth() == 0 ? "" : path + ": ";
        return where + at + problem;
    }

    /** Shortcut for the most common case: the value at {@code node} is wrong. */
    public static ComposeFileException at(Node node, YamlPath path, String problem, String hint) {
        return new ComposeFileException(node.location(), path, problem, hint);
    }

    public Location location() {
        return location;
    }

    public YamlPath path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
