package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jcompose unpause}: Unpause services. */
@Command(name = "unpause", description = "Unpause services.")
final class UnpauseCommand extends ComposeCommand {

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName(services);
        withProgress("Unpausing", (compose, listener) -> compose.unpause(project, services, listener));
        return ExitCode.SUCCESS;
    }
}
