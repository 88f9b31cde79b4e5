package dev.jcompose.loader;

import dev.jcompose.environment.DotEnv;
import dev.jcompose.environment.Environment;
import dev.jcompose.environment.ProjectEnvironment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The production {@link EnvironmentSource}: compose-spec {@code .env} files by {@link ProjectEnvironment}. */
public final class DotEnvEnvironmentSource implements EnvironmentSource {
    private final Path workingDir;
    private final Consumer<String> warnings;

    /**
     * @param workingDir where relative {@code COMPOSE_ENV_FILES} entries are resolved
     * @param warnings   receives warnings about unset variables referenced by env files
     */
    public DotEnvEnvironmentSource(Path workingDir, Consumer<String> warnings) {
        this.workingDir = workingDir;
        this.warnings = warnings;
    }

    @Override
    public Environment projectEnvironment(Path projectDirectory, List<Path> envFiles, Map<String, String> processEnv) {
        return ProjectEnvironment.load(processEnv, projectDirectory, envFiles, workingDir, warnings)
                .environment();
    }

    @Override
    public Environment includedEnvironment(Environment outer, List<Path> envFiles) {
        Map<String, String> fromFiles = new HashMap<>();
        for (Path file : envFiles) {
            DotEnv.read(file, name -> lookup(outer, fromFiles, name), warnings).forEach((k, v) -> {
                if (v != null) {
                    fromFiles.put(k, v);
                }
            });
        }
        return Environment.of(fromFiles).overriddenBy(outer.variables());
    }

    private static Optional<String> lookup(Environment outer, Map<String, String> fromFiles, String name) {
        return outer.get(name).or(() -> Optional.ofNullable(fromFiles.get(name)));
    }
}
