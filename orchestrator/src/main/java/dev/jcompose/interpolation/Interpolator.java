package dev.jcompose.interpolation;

import dev.jcompose.environment.Environment;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.YamlPath;
import java.util.function.Consumer;

/**
 * Compose-spec variable interpolation ({@code $VAR}, {@code ${VAR:-default}}, {@code $$}...).
 * CONTRACT STUB: the signatures are fixed; the implementation is being written.
 */
public final class Interpolator {
    private final Consumer<String> warnings;

    /** @param warnings receives warnings such as an unset variable defaulting to a blank string */
    public Interpolator(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** Interpolates every string scalar of {@code tree}; {@code path} is the tree's path in its document. */
    public Node interpolate(Node tree, YamlPath path, Environment env) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Interpolates one string; errors name {@code location} and {@code path}. */
    public String interpolate(String text, Location location, YamlPath path, Environment env) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
