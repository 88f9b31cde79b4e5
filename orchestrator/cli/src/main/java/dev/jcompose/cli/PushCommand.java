package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.api.PushOptions;
import dev.jcompose.graph.ServiceGraph;
import dev.jcompose.model.Project;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose push}: pushes the images the services build to their registries. */
@Command(name = "push", description = "Push service images.")
final class PushCommand extends ComposeCommand {
    @Option(names = "--ignore-push-failures", description = "Push what it can and ignores images with push failures.")
    boolean ignoreFailures;

    @Option(names = "--include-deps", description = "Also push images of services declared as dependencies.")
    boolean includeDeps;

    @Option(
            names = {"-q", "--quiet"},
            description = "Push without printing progress information.")
    boolean quiet;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        Project project = load(services).project();
        List<String> selected = includeDeps && !services.isEmpty()
                ? List.copyOf(ServiceGraph.of(project.dependencies())
                        .subgraph(new TreeSet<>(services), true)
                        .services())
                : services;
        PushOptions options = new PushOptions(selected, ignoreFailures);
        withProgress("Pushing", (compose, listener) -> compose.push(project, options, quiet ? e -> {} : listener));
        return ExitCode.SUCCESS;
    }
}
