package dev.jcompose.cli;

import dev.jcompose.ExitCode;
import dev.jcompose.kube.cluster.ClusterDeployer;
import dev.jcompose.kube.cluster.ClusterTarget;
import dev.jcompose.kube.cluster.ObjectChange;
import dev.jcompose.kube.convert.Conversion;
import dev.jcompose.model.Project;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jcompose deploy --context C}: the project converted and applied to a Kubernetes cluster. */
@Command(name = "deploy", description = "Deploy the project to the Kubernetes cluster of a kubeconfig context.")
final class DeployCommand extends ComposeCommand {
    @Option(
            names = "--context",
            required = true,
            paramLabel = "CONTEXT",
            description = "The kubeconfig context of the cluster (kubectl config get-contexts).")
    String context;

    @Option(
            names = "--kubeconfig",
            paramLabel = "FILE",
            description = "The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Mixin
    KubeFlags kube = new KubeFlags();

    @Option(names = "--wait", description = "Wait until Deployments are available and Jobs have completed.")
    boolean wait;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", description = "How long --wait waits (default: 300).")
    long waitTimeout = 300;

    @Option(names = "--prune", description = "Delete the project's objects that are no longer in the compose file.")
    boolean prune;

    @Override
    public Integer call() {
        Project project = load(List.of()).project();
        Conversion c = ConvertCommand.convert(this, project, kube, false);
        try (KubernetesClient client =
                target(main, kubeconfig, context, kube.namespace).open()) {
            ClusterDeployer deployer = new ClusterDeployer(client);
            List<ObjectChange> changes =
                    deployer.deploy(project.name(), c.objects(), prune, wait ? Duration.ofSeconds(waitTimeout) : null);
            changes.forEach(ch -> out().println(ch.line()));
            out().flush();
        }
        return ExitCode.SUCCESS;
    }

    /** The cluster of {@code context}, its kubeconfig read as kubectl reads it from the CLI's environment. */
    static ClusterTarget target(Main main, Path kubeconfig, String context, String namespace) {
        List<Path> files = kubeconfig != null
                ? List.of(main.host().workingDir().resolve(kubeconfig))
                : ClusterTarget.kubeconfigFiles(main.host().variables());
        return new ClusterTarget(files, context, namespace);
    }
}
