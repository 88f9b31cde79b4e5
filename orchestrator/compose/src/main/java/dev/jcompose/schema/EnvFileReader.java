package dev.jcompose.schema;

import dev.jcompose.environment.EnvFileRef;
import java.util.List;
import java.util.Map;

/**
 * Reads a service's {@code env_file} entries. Later files win over earlier ones; a value may be
 * {@code null} for a {@code KEY}-only line whose variable is unset. A missing required file is a
 * {@link dev.jcompose.yaml.ComposeFileException} naming the entry's location.
 */
@FunctionalInterface
public interface EnvFileReader {
    Map<String, String> read(List<EnvFileRef> files);
}
