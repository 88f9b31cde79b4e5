package dev.jcompose.kube.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.kube.convert.ConvertOptions;
import dev.jcompose.kube.convert.LocalProjectFiles;
import dev.jcompose.kube.convert.ProjectConverter;
import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.Project;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy and down against a real API server (envtest's etcd and kube-apiserver): server-side apply,
 * the server's own validation of every converted object, a second deploy that sends nothing, down.
 */
@EnabledIfEnvironmentVariable(
        named = "KUBE_API_TEST_DIR",
        matches = ".+",
        disabledReason = "KUBE_API_TEST_DIR is unset: point it at a directory with envtest's etcd and kube-apiserver "
                + "(setup-envtest use -p path); none can run on this machine")
class RealApiServerTest {
    private static final Path SAMPLES =
            Path.of("../../compose-samples").toAbsolutePath().normalize();

    @TempDir
    Path work;

    @Test
    void theSamplesApplyCleanlyOnceAndGoAwayWithDown() throws Exception {
        Path binaries = Path.of(Objects.requireNonNull(System.getenv("KUBE_API_TEST_DIR")));
        try (EnvtestApiServer server = new EnvtestApiServer(binaries, work)) {
            ClusterTarget target = new ClusterTarget(List.of(server.kubeconfig), "envtest", "jcompose-envtest");
            for (String sample : List.of("quickstart", "kubernetes")) {
                Project p = ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                        .load(LoadOptions.in(SAMPLES.resolve(sample)).withFiles("compose.yaml"))
                        .project();
                try (KubernetesClient client = target.open()) {
                    client.namespaces().withName("default").waitUntilCondition(Objects::nonNull, 60, TimeUnit.SECONDS);
                    ClusterDeployer deployer = new ClusterDeployer(client);
                    List<ObjectChange> first = deployer.deploy(p.name(), objects(p), true, null);
                    assertThat(first).extracting(ObjectChange::action).containsOnly(ObjectChange.Action.CREATED);
                    List<ObjectChange> second = deployer.deploy(p.name(), objects(p), true, null);
                    assertThat(second).extracting(ObjectChange::action).containsOnly(ObjectChange.Action.UNCHANGED);
                    deployer.down(p.name(), true);
                    // without a controller manager a claim keeps its protection finalizer: marked, not gone
                    assertThat(ClusterObjects.of(client, p.name(), true))
                            .allMatch(o -> o.getMetadata().getDeletionTimestamp() != null);
                }
            }
        }
    }

    private static List<HasMetadata> objects(Project p) {
        return new ProjectConverter(ConvertOptions.DEFAULTS, new LocalProjectFiles())
                .convert(p)
                .objects();
    }
}
