package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.BuildOptions;
import dev.jcompose.model.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose build}: builds the services' images from their Dockerfiles. */
@Command(name = "build", description = "Build or rebuild services.")
final class BuildCommand extends ComposeCommand {
    @Option(names = "--no-cache", description = "Do not use cache when building the image.")
    boolean noCache;

    @Option(names = "--pull", description = "Always attempt to pull a newer version of the image.")
    boolean pull;

    @Option(
            names = "--build-arg",
            paramLabel = "KEY[=VALUE]",
            description =
                    "Set build-time variables for services (repeatable); KEY alone takes its value from the environment.")
    List<String> buildArgs = new ArrayList<>();

    @Option(
            names = {"-q", "--quiet"},
            description = "Don't print anything to STDOUT.")
    boolean quiet;

    @Parameters(
            paramLabel = "SERVICE",
            arity = "0..*",
            description = "Services (default: all that have a build section).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        dev.jcompose.loader.LoadedProject loaded = load(services);
        Project project = loaded.project();
        BuildOptions options = new BuildOptions(services, noCache, pull, args(loaded));
        withProgress("Building", (compose, listener) -> compose.build(project, options, quiet ? e -> {} : listener));
        return ExitCode.SUCCESS;
    }

    /** {@code KEY=VALUE} as given; {@code KEY} alone from the environment the project was loaded with. */
    private SortedMap<String, String> args(dev.jcompose.loader.LoadedProject loaded) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String a : buildArgs) {
            int eq = a.indexOf('=');
            String key = eq < 0 ? a : a.substring(0, eq);
            if (key.isEmpty()) {
                throw Usage.error("invalid --build-arg \"" + a + "\"", "use --build-arg KEY=VALUE or --build-arg KEY");
            }
            out.put(key, eq < 0 ? loaded.raw().environment().get(key).orElse(null) : a.substring(eq + 1));
        }
        return out;
    }
}
