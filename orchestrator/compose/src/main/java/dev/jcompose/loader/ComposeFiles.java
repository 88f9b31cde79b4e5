package dev.jcompose.loader;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.environment.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which compose files make the project, and its project directory (docker compose's rules):
 * the {@code -f} files as given ({@code -} is standard input), else {@code COMPOSE_FILE}, else the
 * first directory, from the working directory (or {@code --project-directory}) upwards, that holds
 * one of {@link #DEFAULT_NAMES}, with the first of {@link #OVERRIDE_NAMES} found beside it.
 */
public record ComposeFiles(List<ConfigFile> files, Path projectDirectory) {
    /** compose-go's preference order. */
    public static final List<String> DEFAULT_NAMES =
            List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");

    public static final List<String> OVERRIDE_NAMES = List.of(
            "compose.override.yml",
            "compose.override.yaml",
            "docker-compose.override.yml",
            "docker-compose.override.yaml");

    public ComposeFiles {
        files = List.copyOf(files);
    }

    /**
     * @param workingDir       absolute; relative {@code -f} and {@code COMPOSE_FILE} paths refer to it
     * @param projectDirectory absolute {@code --project-directory}, or {@code null}
     * @param env              the environment holding {@code COMPOSE_FILE} and {@code COMPOSE_PATH_SEPARATOR}
     */
    public static ComposeFiles resolve(
            Path workingDir,
            List<String> fileOptions,
            Path projectDirectory,
            Environment env,
            Consumer<String> warnings) {
        List<String> named = fileOptions;
        if (named.isEmpty() && env.get("COMPOSE_FILE").filter(s -> !s.isEmpty()).isPresent()) {
            String sep =
                    env.get("COMPOSE_PATH_SEPARATOR").filter(s -> !s.isEmpty()).orElse(":");
            named = Arrays.stream(env.get("COMPOSE_FILE").orElseThrow().split(java.util.regex.Pattern.quote(sep)))
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        List<ConfigFile> files = named.isEmpty()
                ? discover(projectDirectory != null ? projectDirectory : workingDir, warnings)
                : named(workingDir, named);
        Path dir = projectDirectory;
        if (dir == null) {
            dir = files.stream()
                    .filter(f -> !f.isStdin())
                    .findFirst()
                    .map(f -> f.path().getParent())
                    .orElse(workingDir);
        }
        return new ComposeFiles(files, dir);
    }

    private static List<ConfigFile> named(Path workingDir, List<String> names) {
        List<ConfigFile> files = new ArrayList<>();
        for (String name : names) {
            if (name.equals("-")) {
                files.add(ConfigFile.stdin());
                continue;
            }
            Path p = workingDir.resolve(name).normalize();
            if (!Files.isRegularFile(p)) {
                throw new JcomposeException(
                        "open " + p + ": no such file or directory",
                        Files.isDirectory(p)
                                ? "-f takes a compose file, not a directory"
                                : "check the -f / COMPOSE_FILE path",
                        ExitCode.FILE_NOT_FOUND);
            }
            files.add(ConfigFile.of(p));
        }
        return files;
    }

    private static List<ConfigFile> discover(Path start, Consumer<String> warnings) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            List<Path> candidates = existing(dir, DEFAULT_NAMES);
            if (candidates.isEmpty()) {
                continue;
            }
            List<ConfigFile> files = new ArrayList<>();
            files.add(ConfigFile.of(pick(candidates, "config", warnings)));
            List<Path> overrides = existing(dir, OVERRIDE_NAMES);
            if (!overrides.isEmpty()) {
                files.add(ConfigFile.of(pick(overrides, "override", warnings)));
            }
            return files;
        }
        throw new JcomposeException(
                "no configuration file provided: not found",
                "create a compose.yaml in this directory or a parent, or name files with -f",
                ExitCode.FILE_NOT_FOUND);
    }

    private static Path pick(List<Path> candidates, String kind, Consumer<String> warnings) {
        if (candidates.size() > 1) {
            warnings.accept("Found multiple " + kind + " files with supported names: "
                    + String.join(", ", candidates.stream().map(Path::toString).toList()));
            warnings.accept("Using " + candidates.getFirst());
        }
        return candidates.getFirst();
    }

    private static List<Path> existing(Path dir, List<String> names) {
        return names.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
    }
}
