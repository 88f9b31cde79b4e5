package dev.jcompose.schema;

import dev.jcompose.environment.Environment;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the normaliser needs besides the tree.
 *
 * @param projectName  the final project name (prefix of default network and volume names)
 * @param projectDir   base of relative paths (bind sources, build contexts, env_file, secret files)
 * @param homeDir      what {@code ~} expands to
 * @param environment  values for {@code KEY}-only environment entries
 * @param warnings     receives one line per ignored or deprecated key
 * @param envFiles     reads {@code env_file} entries
 */
public record NormalizeContext(
        String projectName,
        Path projectDir,
        Path homeDir,
        Environment environment,
        Consumer<String> warnings,
        EnvFileReader envFiles) {
    public NormalizeContext {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(homeDir, "homeDir");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(envFiles, "envFiles");
    }

    /** {@code path} made absolute: {@code ~} and {@code ~/x} expand to the home directory, relative paths resolve against the project directory. */
    public String resolvePath(String path) {
        if (path.equals("~")) {
            return homeDir.toString();
        }
        if (path.startsWith("~/")) {
            return homeDir.resolve(path.substring(2)).normalize().toString();
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? path : projectDir.resolve(p).normalize().toString();
    }
}
