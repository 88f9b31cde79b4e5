package dev.jcompose.cli;

import dev.jcompose.api.ComposeService;
import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.state.ContainerState;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose wait SERVICE...}: blocks until the first container of the services stops and exits
 * with its exit code. It reads {@code ps} when the engine reports a container event of the services
 * ({@link ContainerWatch}), not on a timer.
 */
@Command(name = "wait", description = "Block until the first service container stops.")
final class WaitCommand extends ComposeCommand {
    @Option(names = "--down-project", description = "Drops project when the first container stops.")
    boolean downProject;

    @Parameters(paramLabel = "SERVICE", arity = "1..*", description = "Services to wait for.")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName();
        return withService(compose -> {
            ContainerSummary stopped = firstStopped(compose, project);
            out().println(stopped.exitCode());
            out().flush();
            if (downProject) {
                try (ProgressOutput progress = progress("Stopping")) {
                    compose.down(project, Optional.empty(), DownOptions.defaults(), progress.listener());
                }
            }
            return stopped.exitCode();
        });
    }

    private ContainerSummary firstStopped(ComposeService compose, String project) {
        try (ContainerWatch changes = ContainerWatch.start(compose, project, services)) {
            while (true) {
                List<ContainerSummary> mine = compose.ps(project, true).stream()
                        .filter(c -> services.contains(c.service()))
                        .toList();
                if (mine.isEmpty()) {
                    throw new dev.jcompose.JcomposeException(
                            "no containers for " + String.join(", ", services) + " in project " + project,
                            "start them with `jcompose up -d`",
                            dev.jcompose.ExitCode.FAILURE);
                }
                Optional<ContainerSummary> done = mine.stream()
                        .filter(c -> c.state() == ContainerState.EXITED)
                        .findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
                changes.awaitChange();
            }
        }
    }
}
