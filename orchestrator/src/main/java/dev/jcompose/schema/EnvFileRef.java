package dev.jcompose.schema;

import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.YamlPath;
import java.nio.file.Path;
import java.util.Objects;

/** One {@code env_file} entry: an absolute path, whether it must exist, and where it was written. */
public record EnvFileRef(Path path, boolean required, Location location, YamlPath yamlPath) {
    public EnvFileRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(yamlPath, "yamlPath");
    }
}
