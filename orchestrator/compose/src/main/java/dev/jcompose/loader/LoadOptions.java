package dev.jcompose.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The command-line inputs of loading.
 *
 * @param workingDir       where jcompose runs; relative {@code -f}, {@code --env-file} and
 *                         {@code --project-directory} paths refer to it
 * @param files            {@code -f} values in order ({@code -} is standard input); empty to discover
 * @param projectDirectory {@code --project-directory}, or {@code null}
 * @param projectName      {@code -p}, or {@code null}
 * @param envFiles         {@code --env-file} values; empty for the project directory's {@code .env}
 * @param profiles         {@code --profile} values
 * @param processEnv       the process environment
 * @param interpolate      false for {@code config --no-interpolate}
 * @param services         services named on the command line (they enable their own profiles)
 * @param warnings         receives warnings (obsolete version, several default files...)
 * @param serviceEnvFiles  false to read no service env_file or label_file at all, as docker compose
 *                         does for {@code config --services} and its other listings
 */
public record LoadOptions(
        Path workingDir,
        List<String> files,
        String projectDirectory,
        String projectName,
        List<String> envFiles,
        List<String> profiles,
        Map<String, String> processEnv,
        boolean interpolate,
        List<String> services,
        Consumer<String> warnings,
        boolean serviceEnvFiles) {
    public LoadOptions(
            Path workingDir,
            List<String> files,
            String projectDirectory,
            String projectName,
            List<String> envFiles,
            List<String> profiles,
            Map<String, String> processEnv,
            boolean interpolate,
            List<String> services,
            Consumer<String> warnings) {
        this(
                workingDir,
                files,
                projectDirectory,
                projectName,
                envFiles,
                profiles,
                processEnv,
                interpolate,
                services,
                warnings,
                true);
    }

    public LoadOptions {
        Objects.requireNonNull(workingDir, "workingDir");
        files = List.copyOf(files);
        envFiles = List.copyOf(envFiles);
        profiles = List.copyOf(profiles);
        processEnv = Map.copyOf(processEnv);
        services = List.copyOf(services);
        Objects.requireNonNull(warnings, "warnings");
    }

    /** Defaults for {@code workingDir}: discovery, no flags, interpolation on, warnings dropped. */
    public static LoadOptions in(Path workingDir) {
        return new LoadOptions(
                workingDir, List.of(), null, null, List.of(), List.of(), Map.of(), true, List.of(), w -> {}, true);
    }

    public LoadOptions withFiles(String... newFiles) {
        return new LoadOptions(
                workingDir,
                List.of(newFiles),
                projectDirectory,
                projectName,
                envFiles,
                profiles,
                processEnv,
                interpolate,
                services,
                warnings,
                serviceEnvFiles);
    }

    public LoadOptions withProjectDirectory(String dir) {
        return new LoadOptions(
                workingDir,
                files,
                dir,
                projectName,
                envFiles,
                profiles,
                processEnv,
                interpolate,
                services,
                warnings,
                serviceEnvFiles);
    }

    public LoadOptions withProjectName(String name) {
        return new LoadOptions(
                workingDir,
                files,
                projectDirectory,
                name,
                envFiles,
                profiles,
                processEnv,
                interpolate,
                services,
                warnings,
                serviceEnvFiles);
    }

    public LoadOptions withEnvFiles(String... newEnvFiles) {
        return new LoadOptions(
                workingDir,
                files,
                projectDirectory,
                projectName,
                List.of(newEnvFiles),
                profiles,
                processEnv,
                interpolate,
                services,
                warnings,
                serviceEnvFiles);
    }

    public LoadOptions withProfiles(String... newProfiles) {
        return new LoadOptions(
                workingDir,
                files,
                projectDirectory,
                projectName,
                envFiles,
                List.of(newProfiles),
                processEnv,
                interpolate,
                services,
                warnings,
                serviceEnvFiles);
    }

    public LoadOptions withProcessEnv(Map<String, String> env) {
        return new LoadOptions(
                workingDir,
                files,
                projectDirectory,
                projectName,
                envFiles,
                profiles,
                env,
                interpolate,
                services,
                warnings,
                serviceEnvFiles);
    }

    public LoadOptions withInterpolation(boolean on) {
        return new LoadOptions(
                workingDir,
                files,
                projectDirectory,
                projectName,
                envFiles,
                profiles,
                processEnv,
                on,
                services,
                warnings,
                serviceEnvFiles);
    }

    public LoadOptions withServices(String... targeted) {
        return new LoadOptions(
                workingDir,
                files,
                projectDirectory,
                projectName,
                envFiles,
                profiles,
                processEnv,
                interpolate,
                List.of(targeted),
                warnings,
                serviceEnvFiles);
    }

    public LoadOptions withWarnings(Consumer<String> sink) {
        return new LoadOptions(
                workingDir,
                files,
                projectDirectory,
                projectName,
                envFiles,
                profiles,
                processEnv,
                interpolate,
                services,
                sink,
                serviceEnvFiles);
    }

    public LoadOptions withServiceEnvFiles(boolean read) {
        return new LoadOptions(
                workingDir,
                files,
                projectDirectory,
                projectName,
                envFiles,
                profiles,
                processEnv,
                interpolate,
                services,
                warnings,
                read);
    }
}
