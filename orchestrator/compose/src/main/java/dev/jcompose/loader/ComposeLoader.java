package dev.jcompose.loader;

import dev.jcompose.ExitCode;
import dev.jcompose.environment.Environment;
import dev.jcompose.merge.Merger;
import dev.jcompose.yaml.ComposeFileException;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import dev.jcompose.yaml.Utf8Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The loader pipeline up to normalisation: command-line options to one merged raw tree per project.
 * Finds the files ({@link ComposeFiles}), assembles the environment, loads every file document by
 * document (interpolation, extends, include, merge), names the project and applies profiles.
 */
public final class ComposeLoader {
    private final EnvironmentSource environments;
    private final DocumentInterpolation interpolation;
    private final Supplier<String> stdin;

    public ComposeLoader(EnvironmentSource environments, DocumentInterpolation interpolation, Supplier<String> stdin) {
        this.environments = environments;
        this.interpolation = interpolation;
        this.stdin = stdin;
    }

    /** The production wiring: compose-spec interpolation, standard input read once. */
    public static ComposeLoader standard(EnvironmentSource environments, InputStream in) {
        return new ComposeLoader(environments, DocumentInterpolation.standard(), () -> {
            try {
                return Utf8Text.decode(in.readAllBytes(), ConfigFile.STDIN_NAME);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public RawProject load(LoadOptions options) {
        Path workingDir = options.workingDir().toAbsolutePath().normalize();
        Path projectDirOption = options.projectDirectory() == null
                ? null
                : workingDir.resolve(options.projectDirectory()).normalize();
        List<Path> envFiles = options.envFiles().stream()
                .map(f -> workingDir.resolve(f).normalize())
                .toList();
        Path bootstrapDir = bootstrapDir(workingDir, projectDirOption, options.files());
        Environment bootstrap = environments.projectEnvironment(bootstrapDir, envFiles, options.processEnv());
        ComposeFiles files =
                ComposeFiles.resolve(workingDir, options.files(), projectDirOption, bootstrap, options.warnings());
        Environment env = files.projectDirectory().equals(bootstrapDir)
                ? bootstrap
                : environments.projectEnvironment(files.projectDirectory(), envFiles, options.processEnv());

        ComposeFileReader reader =
                new ComposeFileReader(interpolation, options.interpolate(), stdinOnce(), options.warnings());
        // compose-go names the project before interpolating the files, so they can use the name; the
        // name itself is still decided (and checked) below with the files' own name: attribute.
        Environment interpolationEnv = env.overriddenBy(
                Map.of("COMPOSE_PROJECT_NAME", ProjectNames.beforeLoading(options.projectName(), env, files, reader)));
        ModelLoader loader = new ModelLoader(reader, new Merger(), environments);
        MapNode model =
                loader.load(files.files(), new LoadContext(files.projectDirectory(), interpolationEnv, List.of()));
        if (model.size() == 0) {
            throw new ComposeFileException(
                    Location.of(files.files().getFirst().name()),
                    null,
                    "empty compose file",
                    "define at least one service",
                    ExitCode.COMPOSE_PARSE);
        }
        String name = ProjectNames.of(options.projectName(), env, model, files.projectDirectory());
        if (!env.has("COMPOSE_PROJECT_NAME")) {
            // compose-go exposes the resolved name to the project (e.g. for bare "environment: [KEY]")
            env = env.overriddenBy(Map.of("COMPOSE_PROJECT_NAME", name));
        }
        Profiles.Result profiles =
                Profiles.apply(model, Profiles.requested(options.profiles(), env), options.services());
        return new RawProject(
                name,
                files.projectDirectory(),
                files.files().stream().map(ConfigFile::name).toList(),
                env,
                profiles.model(),
                profiles.activeProfiles(),
                profiles.declaredProfiles(),
                profiles.disabledServices());
    }

    /** Where the .env that may hold COMPOSE_FILE is looked up, before the files are known. */
    private static Path bootstrapDir(Path workingDir, Path projectDirOption, List<String> files) {
        if (projectDirOption != null) {
            return projectDirOption;
        }
        return files.stream()
                .filter(f -> !f.equals("-"))
                .findFirst()
                .map(f -> workingDir.resolve(f).normalize().getParent())
                .orElse(workingDir);
    }

    private Supplier<String> stdinOnce() {
        String[] cache = new String[1];
        return () -> {
            if (cache[0] == null) {
                cache[0] = stdin.get();
            }
            return cache[0];
        };
    }
}
