package dev.jcompose.yaml;

import java.util.Objects;

/**
 * Where a node was written: file and 1-based line and column. {@link #UNKNOWN} stands for values
 * that no file wrote (defaults, command-line overrides).
 */
public record Location(String file, int line, int column) {
    public static final Location UNKNOWN = new Location("<unknown>", 0, 0);

    public Location {
        Objects.requireNonNull(file, "file");
    }

    /** A location for values that come from somewhere other than a YAML file, e.g. {@code "--env-file"}. */
    public static Location of(String origin) {
        return new Location(origin, 0, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
