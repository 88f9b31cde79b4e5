package dev.jcompose.environment;

import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.YamlPath;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of a service's {@code env_file}: the file (resolved by the caller, normally against the
 * compose file's directory), whether it must exist, where the entry was written, and whether it is
 * in {@code format: raw} ({@link RawEnvFile}) rather than the dotenv syntax.
 */
public record EnvFileRef(Path path, boolean required, Location location, YamlPath yamlPath, boolean raw) {
    /** A dotenv-syntax entry. */
    public EnvFileRef(Path path, boolean required, Location location, YamlPath yamlPath) {
        this(path, required, location, yamlPath, false);
    }

    public EnvFileRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(yamlPath, "yamlPath");
    }
}
