package dev.jcompose.loader;

import dev.jcompose.environment.EnvFiles;
import dev.jcompose.model.Project;
import dev.jcompose.model.ProjectBinder;
import dev.jcompose.model.ProjectValidator;
import dev.jcompose.schema.NormalizeContext;
import dev.jcompose.schema.Normalizer;
import dev.jcompose.yaml.MapNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The whole loader: files to an immutable {@link Project}. {@link ComposeLoader} reads, interpolates,
 * includes, extends, merges and applies profiles; {@link Normalizer} turns every short syntax into
 * the canonical tree and checks types and keys; {@link ProjectValidator} checks references and
 * cycles; {@link ProjectBinder} makes the records.
 */
public final class ProjectLoader {
    private final Function<LoadOptions, ComposeLoader> loaders;
    private final Path homeDir;

    /**
     * @param loaders makes the first-stage loader for one load (its env-file warnings and relative
     *                paths depend on the options)
     * @param homeDir what {@code ~} expands to when the process environment has no {@code HOME}
     */
    public ProjectLoader(Function<LoadOptions, ComposeLoader> loaders, Path homeDir) {
        this.loaders = loaders;
        this.homeDir = homeDir;
    }

    /** The production wiring: real .env files, compose-spec interpolation, the user's home for {@code ~}. */
    public static ProjectLoader standard(InputStream stdin) {
        return new ProjectLoader(
                o -> ComposeLoader.standard(new DotEnvEnvironmentSource(o.workingDir(), o.warnings()), stdin),
                Path.of(System.getProperty("user.home")));
    }

    /** compose-go expands {@code ~} from {@code $HOME} (Go's os.UserHomeDir), the system's home only without it. */
    private Path home(LoadOptions options) {
        String home = options.processEnv().get("HOME");
        return home == null || home.isEmpty() || !home.startsWith("/") ? homeDir : Path.of(home);
    }

    public LoadedProject load(LoadOptions options) {
        RawProject raw = loaders.apply(options).load(options);
        NormalizeContext context = new NormalizeContext(
                raw.name(),
                raw.projectDirectory(),
                home(options),
                raw.environment(),
                options.warnings(),
                options.serviceEnvFiles()
                        ? ServiceSelection.of(raw.model(), options.services())
                                .scope(refs -> EnvFiles.resolve(refs, raw.environment()))
                        : refs -> new java.util.LinkedHashMap<>());
        MapNode canonical = new Normalizer(context).normalize(raw.model());
        new ProjectValidator().check(canonical);
        Project project = new ProjectBinder().bind(canonical);
        return new LoadedProject(raw, canonical, project);
    }
}
