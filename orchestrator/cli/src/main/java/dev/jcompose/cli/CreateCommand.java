package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.Project;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose create}: {@code up --no-start}. */
@Command(name = "create", description = "Creates containers for a service.")
final class CreateCommand extends ComposeCommand {
    @Option(
            names = "--force-recreate",
            description = "Recreate containers even if their configuration and image haven't changed.")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them.")
    boolean noRecreate;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file.")
    boolean removeOrphans;

    @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM instances (repeatable).")
    List<String> scale = new java.util.ArrayList<>();

    @Option(names = "--pull", paramLabel = "always|missing|never", description = "Pull image before running.")
    String pull;

    @Mixin
    BuildFlags buildFlags = new BuildFlags();

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        if (forceRecreate && noRecreate) {
            throw Usage.error("--force-recreate and --no-recreate are incompatible", "use one of them");
        }
        dev.jcompose.loader.LoadedProject loaded = load(services);
        Project project = loaded.project();
        UpOptions options = new UpOptions(
                        services,
                        false,
                        forceRecreate,
                        noRecreate,
                        removeOrphans,
                        UpCommand.scale(scale, project),
                        pull == null ? null : UpCommand.pullPolicy(pull),
                        true,
                        false,
                        null,
                        null)
                .withOrigin(
                        loaded.raw().configFiles(),
                        loaded.raw().projectDirectory().toString())
                .withBuild(buildFlags.policy())
                .withCompatibility(compatibility(loaded));
        withProgress("Running", (compose, listener) -> compose.up(project, options, listener));
        return ExitCode.SUCCESS;
    }
}
