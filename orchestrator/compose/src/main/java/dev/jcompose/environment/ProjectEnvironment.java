package dev.jcompose.environment;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The environment a project is interpolated with, built as docker compose builds it:
 * <ol>
 *   <li>the env files: every {@code --env-file} in order; without any, the comma-separated
 *       {@code COMPOSE_ENV_FILES}; without that, the project directory's {@code .env} when it exists
 *       and {@code COMPOSE_DISABLE_ENV_FILE} is not true. A later file overrides an earlier one; a
 *       file interpolates with its own earlier variables, then the process environment, then the
 *       earlier files (compose-go's GetEnvFromFile);</li>
 *   <li>the process environment, which wins over every file, even with an empty value.</li>
 * </ol>
 * The CLI variables ({@code COMPOSE_FILE}, {@code COMPOSE_PROFILES}, {@code COMPOSE_PROJECT_NAME})
 * are read from the result, so a {@code .env} file can set them.
 *
 * @param environment the variables for interpolation
 * @param envFiles    the env files that were read, absolute, in order
 */
public record ProjectEnvironment(Environment environment, List<Path> envFiles) {
    public static final String COMPOSE_FILE = "COMPOSE_FILE";
    public static final String COMPOSE_PATH_SEPARATOR = "COMPOSE_PATH_SEPARATOR";
    public static final String COMPOSE_PROFILES = "COMPOSE_PROFILES";
    public static final String COMPOSE_PROJECT_NAME = "COMPOSE_PROJECT_NAME";
    public static final String COMPOSE_ENV_FILES = "COMPOSE_ENV_FILES";
    public static final String COMPOSE_DISABLE_ENV_FILE = "COMPOSE_DISABLE_ENV_FILE";
    static final String DEFAULT_ENV_FILE = ".env";

    public ProjectEnvironment {
        Objects.requireNonNull(environment, "environment");
        envFiles = List.copyOf(envFiles);
    }

    /**
     * @param processEnv   the process environment
     * @param projectDir   the project directory, where the default {@code .env} lives
     * @param envFileFlags the {@code --env-file} values, in order (may be empty)
     * @param workingDir   the directory relative {@code --env-file} and {@code COMPOSE_ENV_FILES}
     *                     paths are resolved against (the current directory)
     * @param warnings     receives warnings about unset variables referenced by the files
     */
    public static ProjectEnvironment load(
            Map<String, String> processEnv,
            Path projectDir,
            List<Path> envFileFlags,
            Path workingDir,
            Consumer<String> warnings) {
        List<Path> files = selectFiles(processEnv, projectDir, envFileFlags, workingDir);
        Map<String, String> fromFiles = new HashMap<>();
        for (Path file : files) {
            requireFile(file);
            var vars = DotEnv.read(file, name -> lookup(processEnv, fromFiles, name), warnings);
            vars.forEach((k, v) -> {
                if (v != null) {
                    fromFiles.put(k, v);
                }
            });
        }
        Map<String, String> merged = new HashMap<>(fromFiles);
        merged.putAll(processEnv);
        return new ProjectEnvironment(Environment.of(merged), files);
    }

    private static Optional<String> lookup(Map<String, String> processEnv, Map<String, String> fromFiles, String name) {
        String v = processEnv.get(name);
        return Optional.ofNullable(v != null ? v : fromFiles.get(name));
    }

    private static List<Path> selectFiles(
            Map<String, String> processEnv, Path projectDir, List<Path> flags, Path workingDir) {
        List<Path> files = new ArrayList<>();
        if (!flags.isEmpty()) {
            flags.forEach(f -> files.add(workingDir.resolve(f).toAbsolutePath().normalize()));
            return files;
        }
        String fromEnv = processEnv.getOrDefault(COMPOSE_ENV_FILES, "");
        if (!fromEnv.isEmpty()) {
            for (String f : fromEnv.split(",")) {
                if (!f.isEmpty()) {
                    files.add(workingDir.resolve(f).toAbsolutePath().normalize());
                }
            }
            return files;
        }
        Path dotEnv = projectDir.resolve(DEFAULT_ENV_FILE).toAbsolutePath().normalize();
        if (!envFileDisabled(processEnv) && Files.isRegularFile(dotEnv)) {
            files.add(dotEnv);
        }
        return files;
    }

    /** An explicitly named env file must exist (compose's wording). */
    private static void requireFile(Path file) {
        if (!Files.exists(file)) {
            throw new JcomposeException(
                    "couldn't find env file: " + file,
                    "check the --env-file (or COMPOSE_ENV_FILES) path; relative paths are resolved against "
                            + "the current directory",
                    ExitCode.FILE_NOT_FOUND);
        }
    }

    /** {@code COMPOSE_DISABLE_ENV_FILE}, read with Go's strconv.ParseBool (anything else is false). */
    public static boolean envFileDisabled(Map<String, String> processEnv) {
        return switch (processEnv.getOrDefault(COMPOSE_DISABLE_ENV_FILE, "")) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            default -> false;
        };
    }

    /**
     * {@code COMPOSE_FILE} split on {@code COMPOSE_PATH_SEPARATOR} (default {@code :}), empty entries
     * dropped; empty when unset. Relative entries are left for the caller to resolve.
     */
    public List<String> composeFiles() {
        String value = environment.get(COMPOSE_FILE).orElse("");
        String separator = environment
                .get(COMPOSE_PATH_SEPARATOR)
                .filter(s -> !s.isEmpty())
                .orElse(":");
        List<String> files = new ArrayList<>();
        int from = 0;
        while (from <= value.length()) {
            int at = value.indexOf(separator, from);
            int end = at < 0 ? value.length() : at;
            if (end > from) {
                files.add(value.substring(from, end));
            }
            from = end + separator.length();
        }
        return List.copyOf(files);
    }

    /** {@code COMPOSE_PROFILES}: comma-separated, each trimmed, empty entries dropped. */
    public List<String> profiles() {
        List<String> profiles = new ArrayList<>();
        for (String p : environment.get(COMPOSE_PROFILES).orElse("").split(",")) {
            if (!p.isBlank()) {
                profiles.add(p.strip());
            }
        }
        return List.copyOf(profiles);
    }

    /** {@code COMPOSE_PROJECT_NAME}, when set and not empty. */
    public Optional<String> projectName() {
        return environment.get(COMPOSE_PROJECT_NAME).filter(s -> !s.isEmpty());
    }
}
