package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.model.Project;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose pull}: pulls the services' images. */
@Command(name = "pull", description = "Pull service images.")
final class PullCommand extends ComposeCommand {
    @Option(
            names = {"-q", "--quiet"},
            description = "Pull without printing progress information.")
    boolean quiet;

    @Option(
            names = "--ignore-pull-failures",
            description = "Pull what it can and ignores images with pull failures (not supported yet).")
    boolean ignoreFailures;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        if (ignoreFailures) {
            throw Usage.notSupported("pull --ignore-pull-failures", "pull the services one by one");
        }
        Project project = load(services).project();
        withProgress("Pulling", (compose, listener) -> compose.pull(project, services, quiet ? e -> {} : listener));
        return ExitCode.SUCCESS;
    }
}
