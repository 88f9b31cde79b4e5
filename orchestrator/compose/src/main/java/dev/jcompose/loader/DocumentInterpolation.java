package dev.jcompose.loader;

import dev.jcompose.environment.Environment;
import dev.jcompose.interpolation.Interpolator;
import dev.jcompose.yaml.Node;
import dev.jcompose.yaml.YamlPath;
import java.util.function.Consumer;

/** Interpolates one whole compose document; a seam so loader tests can run without the interpolator. */
@FunctionalInterface
public interface DocumentInterpolation {
    Node interpolate(Node document, Environment environment, Consumer<String> warnings);

    /** compose-spec interpolation by {@link Interpolator}. */
    static DocumentInterpolation standard() {
        return (doc, env, warnings) -> new Interpolator(warnings).interpolate(doc, YamlPath.ROOT, env);
    }
}
