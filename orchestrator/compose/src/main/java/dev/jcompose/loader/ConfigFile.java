package dev.jcompose.loader;

import java.nio.file.Path;

/**
 * One compose file to load: {@code name} labels it in locations and messages (its absolute path,
 * or {@code <stdin>}); {@code path} is {@code null} for standard input.
 */
public record ConfigFile(String name, Path path) {
    public static final String STDIN_NAME = "<stdin>";

    public static ConfigFile of(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return new ConfigFile(abs.toString(), abs);
    }

    public static ConfigFile stdin() {
        return new ConfigFile(STDIN_NAME, null);
    }

    public boolean isStdin() {
        return path == null;
    }
}
