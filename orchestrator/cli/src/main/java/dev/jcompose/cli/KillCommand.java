package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jcompose kill}: Force stop service containers. */
@Command(name = "kill", description = "Force stop service containers.")
final class KillCommand extends ComposeCommand {
    @Option(
            names = {"-s", "--signal"},
            paramLabel = "SIGNAL",
            description = "SIGNAL to send to the container (default SIGKILL).")
    String signal = "SIGKILL";

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName(services);
        withProgress("Killing", (compose, listener) -> compose.kill(project, services, signal, listener));
        return ExitCode.SUCCESS;
    }
}
