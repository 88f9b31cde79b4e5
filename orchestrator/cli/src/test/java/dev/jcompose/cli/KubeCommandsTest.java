package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.kube.cluster.MockClusters;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert --to k8s}, and the flag errors of {@code deploy --context} and {@code down --context}. */
class KubeCommandsTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void project() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                name: demo
                services:
                  web:
                    image: busybox:1.36
                    ports: ["8080:80"]
                    ulimits: {nofile: 1024}
                """);
    }

    Run run(String... args) {
        return run(Map.of("HOME", dir.toString()), args);
    }

    Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(
                new Main.Environment(env, dir, new ByteArrayInputStream(new byte[0])), (variables, notices) -> {
                    throw new AssertionError("the Kubernetes commands do not open the compose service");
                });
        int exit = Main.execute(main, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void convertWritesTheManifestToStdoutAndTheWarningsToStderr() {
        Run r = run("convert", "--to", "k8s", "--namespace", "shop", "--expose=nodeport");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("---\napiVersion: v1\nkind: Service\n")
                .contains("  namespace: shop\n", "type: NodePort", "kind: Deployment");
        assertThat(r.err()).isEqualTo("WARN service \"web\": ulimits is not translated to Kubernetes and is ignored\n");
    }

    @Test
    void convertWritesOneFilePerObjectIntoTheOutputDirectory() {
        Run r = run("convert", "--to", "k8s", "-o", "k8s");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(dir.resolve("k8s").toFile().list())
                .containsExactlyInAnyOrder("web-service.yaml", "web-published-service.yaml", "web-deployment.yaml");
    }

    @Test
    void deployAndDownReachTheClusterOfTheContextNamedInKubeconfig() throws IOException {
        try (MockClusters clusters = new MockClusters(dir)) {
            Map<String, String> env = Map.of("HOME", dir.toString(), "KUBECONFIG", clusters.kubeconfig.toString());
            Run deploy = run(env, "deploy", "--context", "beta", "-n", "shop");
            assertThat(deploy.exit()).as(deploy.err()).isZero();
            assertThat(deploy.out())
                    .isEqualTo("Service/web created\nService/web-published created\nDeployment/web created\n");
            try (KubernetesClient alpha = MockClusters.client(clusters.alpha, "shop");
                    KubernetesClient beta = MockClusters.client(clusters.beta, "shop")) {
                assertThat(beta.apps().deployments().withName("web").get()).isNotNull();
                assertThat(alpha.apps().deployments().withName("web").get()).isNull();
            }
            Run again = run(env, "deploy", "--context", "beta", "-n", "shop");
            assertThat(again.out()).contains("Deployment/web unchanged");
            Run down = run(env, "down", "--context", "beta", "-n", "shop");
            assertThat(down.exit()).as(down.err()).isZero();
            assertThat(down.out()).contains("Deployment/web deleted", "Service/web deleted");
            try (KubernetesClient beta = MockClusters.client(clusters.beta, "shop")) {
                assertThat(beta.apps().deployments().list().getItems()).isEmpty();
                assertThat(beta.services().list().getItems()).isEmpty();
            }
        }
    }

    @Test
    void badInputIsAnErrorWithAHintNotAStackTrace() {
        Run target = run("convert", "--to", "swarm");
        assertThat(target.exit()).isNotZero();
        assertThat(target.err())
                .contains("unsupported target \"swarm\"")
                .contains("--to k8s")
                .doesNotContain("\tat ");
        Run expose = run("convert", "--to", "k8s", "--expose=public");
        assertThat(expose.err()).contains("--expose").doesNotContain("\tat ");
        Run both = run("convert", "--to", "k8s", "-o", "x", "--stdout");
        assertThat(both.exit()).isNotZero();
        Run context = run("deploy", "--context", "nowhere");
        assertThat(context.exit()).isNotZero();
        assertThat(context.err()).contains("context \"nowhere\"").contains("kubectl config get-contexts");
        assertThat(context.err()).doesNotContain("\tat ");
        Run down = run("down", "--context", "nowhere");
        assertThat(down.err()).contains("context \"nowhere\"").doesNotContain("\tat ");
    }
}
