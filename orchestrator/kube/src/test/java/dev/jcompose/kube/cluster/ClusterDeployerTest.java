package dev.jcompose.kube.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.kube.convert.ConvertOptions;
import dev.jcompose.kube.convert.LocalProjectFiles;
import dev.jcompose.kube.convert.ProjectConverter;
import dev.jcompose.loader.LoadOptions;
import dev.jcompose.loader.ProjectLoader;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy and down against fabric8's mock API server in CRUD mode, reached through kubeconfig contexts. */
class ClusterDeployerTest {
    private static final Path QUICKSTART =
            Path.of("../../compose-samples/quickstart").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private MockClusters clusters;

    @BeforeEach
    void start() throws IOException {
        clusters = new MockClusters(dir);
    }

    @AfterEach
    void stop() {
        clusters.close();
    }

    private static Project quickstart() {
        return ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(QUICKSTART).withFiles("compose.yaml"))
                .project();
    }

    private static List<HasMetadata> objects(Project p) {
        return new ProjectConverter(ConvertOptions.DEFAULTS, new LocalProjectFiles())
                .convert(p)
                .objects();
    }

    private List<dev.jcompose.kube.cluster.ObjectChange> deploy(String context, Project p, boolean prune) {
        try (KubernetesClient client = clusters.target(context, null).open()) {
            return new ClusterDeployer(client).deploy(p.name(), objects(p), prune, null);
        }
    }

    private static List<String> keys(KubernetesClient c) {
        return ClusterObjects.of(c, "quickstart", true).stream()
                .map(ClusterObjects::key)
                .sorted()
                .toList();
    }

    @Test
    void theContextChoosesTheClusterAndItsNamespace() {
        deploy("beta", quickstart(), false);
        try (KubernetesClient a = MockClusters.client(clusters.alpha, "apps");
                KubernetesClient b = MockClusters.client(clusters.beta, "default")) {
            assertThat(keys(b))
                    .containsExactly(
                            "ConfigMap/api-env",
                            "Deployment/api",
                            "Deployment/front",
                            "Deployment/store",
                            "PersistentVolumeClaim/store-data",
                            "Service/api",
                            "Service/front",
                            "Service/front-published",
                            "Service/store");
            assertThat(keys(a)).isEmpty();
        }
        deploy("alpha", quickstart(), false);
        try (KubernetesClient a = MockClusters.client(clusters.alpha, "apps")) {
            assertThat(keys(a)).hasSize(9);
        }
    }

    @Test
    void aSecondDeployOfTheSameFileChangesNothing() {
        List<ObjectChange> first = deploy("beta", quickstart(), false);
        assertThat(first).extracting(ObjectChange::action).containsOnly(ObjectChange.Action.CREATED);
        Map<String, String> versions = versions();
        List<ObjectChange> second = deploy("beta", quickstart(), false);
        assertThat(second).extracting(ObjectChange::action).containsOnly(ObjectChange.Action.UNCHANGED);
        assertThat(versions()).isEqualTo(versions);
    }

    private Map<String, String> versions() {
        try (KubernetesClient b = MockClusters.client(clusters.beta, "default")) {
            Map<String, String> out = new TreeMap<>();
            ClusterObjects.of(b, "quickstart", true)
                    .forEach(o -> out.put(ClusterObjects.key(o), o.getMetadata().getResourceVersion()));
            return out;
        }
    }

    @Test
    void aChangedServiceIsConfiguredAndPruneRemovesADroppedOne() {
        deploy("beta", quickstart(), false);
        Project p = quickstart();
        Map<String, ServiceConfig> services = new TreeMap<>(p.services());
        services.remove("front");
        services.put("api", services.get("api").withScale(2));
        List<ObjectChange> changes = deploy("beta", p.withServices(services), true);
        assertThat(changes)
                .extracting(ObjectChange::line)
                .contains(
                        "Deployment/api configured",
                        "Deployment/store unchanged",
                        "Deployment/front pruned",
                        "Service/front pruned",
                        "Service/front-published pruned");
        try (KubernetesClient b = MockClusters.client(clusters.beta, "default")) {
            assertThat(keys(b)).noneMatch(k -> k.contains("front"));
            assertThat(b.apps().deployments().withName("api").get().getSpec().getReplicas())
                    .isEqualTo(2);
        }
    }

    @Test
    void aChangedOneShotIsReplacedSinceAJobsTemplateCannotChange() throws IOException {
        java.nio.file.Files.writeString(
                dir.resolve("compose.yaml"),
                "name: quickstart\nservices:\n  once:\n    image: busybox:1.36\n    restart: \"no\"\n"
                        + "    command: [echo, one]\n  api:\n    image: busybox:1.36\n");
        Project p = ProjectLoader.standard(new ByteArrayInputStream(new byte[0]))
                .load(LoadOptions.in(dir).withFiles("compose.yaml"))
                .project();
        ServiceConfig once = p.services().get("once");
        deploy("beta", p.withService("once", once), false);
        List<ObjectChange> changes =
                deploy("beta", p.withService("once", once.withCommand(List.of("echo", "two"))), false);
        assertThat(changes).extracting(ObjectChange::line).contains("Job/once replaced", "Deployment/api unchanged");
        try (KubernetesClient b = MockClusters.client(clusters.beta, "default")) {
            assertThat(b.batch()
                            .v1()
                            .jobs()
                            .withName("once")
                            .get()
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .getFirst()
                            .getArgs())
                    .containsExactly("echo", "two");
        }
    }

    @Test
    void downLeavesNothingWithVolumesAndOnlyTheClaimsWithout() {
        deploy("beta", quickstart(), false);
        try (KubernetesClient client = clusters.target("beta", null).open()) {
            new ClusterDeployer(client).down("quickstart", false);
            assertThat(keys(client)).containsExactly("PersistentVolumeClaim/store-data");
            new ClusterDeployer(client).down("quickstart", true);
            assertThat(keys(client)).isEmpty();
        }
    }

    @Test
    void waitReturnsOnceATestPlayingTheControllerMarksTheDeploymentsAvailable() throws Exception {
        Project p = quickstart();
        try (KubernetesClient client = clusters.target("beta", null).open();
                KubernetesClient controller = MockClusters.client(clusters.beta, "default")) {
            CompletableFuture<List<ObjectChange>> deploy = CompletableFuture.supplyAsync(
                    () -> new ClusterDeployer(client).deploy(p.name(), objects(p), false, Duration.ofMinutes(1)));
            for (String name : List.of("api", "front", "store")) {
                Deployment d = controller
                        .apps()
                        .deployments()
                        .withName(name)
                        .waitUntilCondition(Objects::nonNull, 30, TimeUnit.SECONDS);
                controller
                        .resource(new DeploymentBuilder(d)
                                .editOrNewStatus()
                                .withReplicas(1)
                                .withReadyReplicas(1)
                                .withAvailableReplicas(1)
                                .withObservedGeneration(d.getMetadata().getGeneration())
                                .endStatus()
                                .build())
                        .updateStatus();
            }
            assertThat(deploy.get(30, TimeUnit.SECONDS)).hasSize(9);
        }
    }

    @Test
    void waitFailsAtOnceWhenTheControllerReportsTheProgressDeadlineExceeded() throws Exception {
        Project p = quickstart();
        try (KubernetesClient client = clusters.target("beta", null).open();
                KubernetesClient controller = MockClusters.client(clusters.beta, "default")) {
            CompletableFuture<List<ObjectChange>> deploy = CompletableFuture.supplyAsync(
                    () -> new ClusterDeployer(client).deploy(p.name(), objects(p), false, Duration.ofMinutes(5)));
            Deployment d = controller
                    .apps()
                    .deployments()
                    .withName("api")
                    .waitUntilCondition(Objects::nonNull, 30, TimeUnit.SECONDS);
            controller
                    .resource(new DeploymentBuilder(d)
                            .editOrNewStatus()
                            .addNewCondition()
                            .withType("Progressing")
                            .withStatus("False")
                            .withReason("ProgressDeadlineExceeded")
                            .withMessage("ReplicaSet \"api-1\" has timed out progressing.")
                            .endCondition()
                            .endStatus()
                            .build())
                    .updateStatus();
            assertThatThrownBy(() -> deploy.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(JcomposeException.class)
                    .hasMessageContaining("Deployment/api stopped progressing: ReplicaSet \"api-1\" has timed out");
        }
    }

    @Test
    void waitFailsWithTheObjectNamedWhenNoControllerMakesItAvailable() {
        Project p = quickstart();
        try (KubernetesClient client = clusters.target("beta", null).open()) {
            assertThatThrownBy(() ->
                            new ClusterDeployer(client).deploy(p.name(), objects(p), false, Duration.ofMillis(300)))
                    .isInstanceOf(JcomposeException.class)
                    .hasMessageContaining("Deployment/api did not become available");
        }
    }

    @Test
    void anUnknownContextIsAnErrorThatSaysWhereItLooked() {
        assertThatThrownBy(() -> clusters.target("gamma", null).open())
                .isInstanceOf(JcomposeException.class)
                .hasMessageContaining("context \"gamma\"")
                .hasMessageContaining(clusters.kubeconfig.toString());
    }

    @Test
    void aContextInOneKubeconfigFileUsesTheClusterAndUserOfAnotherLikeKubectl() throws IOException {
        String all = java.nio.file.Files.readString(clusters.kubeconfig);
        int contexts = all.indexOf("contexts:");
        Path first = dir.resolve("contexts.yaml");
        Path second = dir.resolve("clusters.yaml");
        java.nio.file.Files.writeString(first, "apiVersion: v1\nkind: Config\n" + all.substring(contexts));
        java.nio.file.Files.writeString(second, all.substring(0, contexts));
        ClusterTarget split = new ClusterTarget(List.of(dir.resolve("missing"), first, second), "beta", "shop");
        try (KubernetesClient client = split.open();
                KubernetesClient beta = MockClusters.client(clusters.beta, "shop")) {
            new ClusterDeployer(client).deploy("quickstart", objects(quickstart()), false, null);
            assertThat(beta.apps().deployments().withName("api").get()).isNotNull();
        }
    }

    @Test
    void kubeconfigFilesAreReadLikeKubectl() {
        assertThat(ClusterTarget.kubeconfigFiles(Map.of("KUBECONFIG", "/a:/b", "HOME", "/h")))
                .containsExactly(Path.of("/a"), Path.of("/b"));
        assertThat(ClusterTarget.kubeconfigFiles(Map.of("HOME", "/h"))).containsExactly(Path.of("/h/.kube/config"));
    }
}
