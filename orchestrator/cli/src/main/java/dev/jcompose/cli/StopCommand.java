package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose stop}: Stop services. */
@Command(name = "stop", description = "Stop services.")
final class StopCommand extends ComposeCommand {
    @Option(
            names = {"-t", "--timeout"},
            paramLabel = "SECONDS",
            description = "Specify a shutdown timeout in seconds.")
    Integer timeout;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName(services);
        withProgress("Stopping", (compose, listener) -> compose.stop(project, services, seconds(timeout), listener));
        return ExitCode.SUCCESS;
    }
}
