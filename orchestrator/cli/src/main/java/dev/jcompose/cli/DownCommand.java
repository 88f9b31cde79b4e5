package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.api.DownOptions;
import dev.jcompose.model.Project;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Option(
            names = "--context",
            paramLabel = "CONTEXT",
            description = "Remove the project from the Kubernetes cluster of this kubeconfig context instead.")
    String context;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NS",
            description = "With --context: the namespace (default: the context's, else default).")
    String namespace;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "With --context: the kubeconfig file.")
    java.nio.file.Path kubeconfig;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services (default: all).")
    List<String> services = List.of();

    @Override
    public Integer call() {
        if (context != null) {
            return downOnCluster();
        }
        if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
            throw Usage.error("invalid value for --rmi: \"" + rmi + "\"", "use --rmi local or --rmi all");
        }
        Optional<Project> model = model();
        String project = model.map(Project::name).orElseGet(() -> main.flags.projectName());
        model.ifPresent(p -> services.forEach(s -> {
            if (!p.services().containsKey(s)) {
                throw new JcomposeException(
                        "no such service: " + s,
                        "the services are " + String.join(", ", p.services().keySet()),
                        ExitCode.FAILURE);
            }
        }));
        DownOptions options = new DownOptions(volumes, removeOrphans, seconds(timeout), rmi, services);
        withProgress("Running", (compose, listener) -> compose.down(project, model, options, listener));
        return ExitCode.SUCCESS;
    }

    /** {@code down --context}: the project's objects deleted from the cluster (its claims with -v). */
    private Integer downOnCluster() {
        String project = model().map(Project::name).orElseGet(() -> main.flags.projectName());
        try (var client =
                DeployCommand.target(main, kubeconfig, context, namespace).open()) {
            new dev.jcompose.kube.cluster.ClusterDeployer(client)
                    .down(project, volumes)
                    .forEach(c -> out().println(c.line()));
            out().flush();
        }
        return ExitCode.SUCCESS;
    }

    /** The project's model; none when there is no compose file and {@code -p} names the project. */
    private Optional<Project> model() {
        try {
            return Optional.of(loadWithoutEnvFiles(services).project());
        } catch (JcomposeException e) {
            if (e.exitCode() == ExitCode.FILE_NOT_FOUND && main.flags.projectName() != null) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
