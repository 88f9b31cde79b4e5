package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.UpOptions;
import dev.jcompose.loader.LoadedProject;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose scale SERVICE=REPLICAS...}: as docker compose's, a detached {@code up} of the named
 * services with those replica counts (their dependencies too, unless {@code --no-deps}). Only the
 * named services are loaded with their env files, so another service's missing one does not matter.
 */
@Command(name = "scale", description = "Scale services.")
final class ScaleCommand extends ComposeCommand {
    @Option(names = "--no-deps", description = "Don't start linked services.")
    boolean noDeps;

    @Parameters(paramLabel = "SERVICE=REPLICAS", arity = "1..*", description = "Services and their replica counts.")
    List<String> pairs = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> services = pairs.stream()
                .map(p -> p.contains("=") ? p.substring(0, p.indexOf('=')) : p)
                .distinct()
                .sorted()
                .toList();
        LoadedProject loaded = load(services);
        SortedMap<String, Integer> scale = UpCommand.scale(pairs, loaded.project());
        UpOptions options = new UpOptions(services, noDeps, false, false, false, scale, null, false, false, null, null)
                .withOrigin(
                        loaded.raw().configFiles(),
                        loaded.raw().projectDirectory().toString())
                .withCompatibility(compatibility(loaded));
        withProgress("Running", (compose, listener) -> compose.up(loaded.project(), options, listener));
        return ExitCode.SUCCESS;
    }
}
