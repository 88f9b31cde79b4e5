package dev.jcompose.kube.cluster;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;

/**
 * Two fabric8 mock API servers in CRUD mode on the loopback address, and a kubeconfig with one
 * context for each: {@code alpha} (namespace {@code apps}) and {@code beta} (no namespace: default).
 */
public final class MockClusters implements AutoCloseable {
    public final KubernetesMockServer alpha = server();
    public final KubernetesMockServer beta = server();
    public final Path kubeconfig;

    public MockClusters(Path dir) throws IOException {
        kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: cluster-a
                  cluster:
                    server: %s
                - name: cluster-b
                  cluster:
                    server: %s
                users:
                - name: tester
                  user:
                    token: not-a-secret
                contexts:
                - name: alpha
                  context:
                    cluster: cluster-a
                    user: tester
                    namespace: apps
                - name: beta
                  context:
                    cluster: cluster-b
                    user: tester
                current-context: alpha
                """.formatted(url(alpha), url(beta)));
    }

    private static KubernetesMockServer server() {
        KubernetesMockServer s = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        s.init(InetAddress.getLoopbackAddress(), 0);
        return s;
    }

    private static String url(KubernetesMockServer s) {
        String u = s.url("/");
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    ClusterTarget target(String context, String namespace) {
        return new ClusterTarget(List.of(kubeconfig), context, namespace);
    }

    /** A client of {@code server} that looks at {@code namespace}. */
    public static NamespacedKubernetesClient client(KubernetesMockServer server, String namespace) {
        return server.createClient().inNamespace(namespace);
    }

    @Override
    public void close() {
        alpha.destroy();
        beta.destroy();
    }
}
