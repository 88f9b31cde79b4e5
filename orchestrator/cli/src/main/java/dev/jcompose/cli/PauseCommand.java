package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jcompose pause}: Pause services. */
@Command(name = "pause", description = "Pause services.")
final class PauseCommand extends ComposeCommand {

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName(services);
        withProgress("Pausing", (compose, listener) -> compose.pause(project, services, listener));
        return ExitCode.SUCCESS;
    }
}
