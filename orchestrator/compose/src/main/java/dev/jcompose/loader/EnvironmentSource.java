package dev.jcompose.loader;

import dev.jcompose.environment.Environment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Assembles the environments the loader interpolates with. The loader only needs these two
 * operations; the production implementation belongs to the environment package.
 */
public interface EnvironmentSource {
    /**
     * A project's environment: the variables of {@code envFiles} in order (when empty, of
     * {@code projectDirectory/.env} if that file exists), overridden by {@code processEnv}.
     * A named env file that does not exist is a {@link dev.jcompose.JcomposeException}.
     */
    Environment projectEnvironment(Path projectDirectory, List<Path> envFiles, Map<String, String> processEnv);

    /**
     * An included project's environment: {@code outer} plus the variables of {@code envFiles}
     * that {@code outer} does not define (the including project's values win, as compose-spec
     * include.md says).
     */
    Environment includedEnvironment(Environment outer, List<Path> envFiles);
}
