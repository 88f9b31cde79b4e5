package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jcompose rm}: removes stopped service containers. jcompose never prompts, so {@code -f} is
 * accepted for compatibility and changes nothing.
 */
@Command(name = "rm", description = "Removes stopped service containers.")
final class RmCommand extends ComposeCommand {
    @Option(
            names = {"-f", "--force"},
            description = "Don't ask to confirm removal.")
    boolean force;

    @Option(
            names = {"-s", "--stop"},
            description = "Stop the containers, if required, before removing.")
    boolean stop;

    @Option(
            names = {"-v", "--volumes"},
            description = "Remove any anonymous volumes attached to containers.")
    boolean volumes;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        String project = projectName();
        withProgress("Removing", (compose, listener) -> {
            if (stop) {
                compose.stop(project, services, null, listener);
            }
            compose.rm(project, services, volumes, listener);
        });
        return ExitCode.SUCCESS;
    }
}
