package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jcompose start}: Start services. */
@Command(name = "start", description = "Start services.")
final class StartCommand extends ComposeCommand {

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName();
        withProgress("Starting", (compose, listener) -> compose.start(project, services, listener));
        return ExitCode.SUCCESS;
    }
}
