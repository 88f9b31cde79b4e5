package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.DownOptions;
import dev.jcompose.model.Project;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jcompose down}: stops and removes the project's containers and networks (and volumes with -v). */
@Command(name = "down", description = "Stop and remove containers, networks.")
final class DownCommand extends ComposeCommand {
    @Option(
            names = {"-v", "--volumes"},
            description =
                    "Remove named volumes declared in the \"volumes\" section and anonymous volumes attached to containers.")
    boolean volumes;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file.")
    boolean removeOrphans;

    @Option(
            names = {"-t", "--timeout"},
            paramLabel = "SECONDS",
            description = "Specify a shutdown timeout in seconds.")
    Integer timeout;

    @Option(
            names = "--rmi",
            paramLabel = "local|all",
            description =
                    "Remove images used by services. \"local\" remove only images that don't have a custom tag (\"local\"|\"all\")")
    String rmi;

    @Override
    public Integer call() {
        if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
            throw Usage.error("invalid value for --rmi: \"" + rmi + "\"", "use --rmi local or --rmi all");
        }
        Optional<Project> model = model();
        String project = model.map(Project::name).orElseGet(() -> main.flags.projectName());
        DownOptions options = new DownOptions(volumes, removeOrphans, seconds(timeout), rmi);
        withProgress("Running", (compose, listener) -> compose.down(project, model, options, listener));
        return ExitCode.SUCCESS;
    }

    /** The project's model; none when there is no compose file and {@code -p} names the project. */
    private Optional<Project> model() {
        try {
            return Optional.of(load(List.of()).project());
        } catch (JcomposeException e) {
            if (e.exitCode() == ExitCode.FILE_NOT_FOUND && main.flags.projectName() != null) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
