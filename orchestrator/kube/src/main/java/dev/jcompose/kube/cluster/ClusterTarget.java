package dev.jcompose.kube.cluster;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cluster named as kubectl names it: a context of the kubeconfig files ({@code KUBECONFIG}, a
 * list separated by ':', else {@code ~/.kube/config}), and the namespace to work in ({@code
 * --namespace}, else the context's, else {@code default}).
 *
 * <p>The files of {@code KUBECONFIG} are merged as kubectl merges them (the first file that names a
 * context, cluster or user wins), through the merge fabric8's own kubeconfig loading uses.
 */
public record ClusterTarget(List<Path> kubeconfigs, String context, String namespace) {
    public ClusterTarget {
        kubeconfigs = List.copyOf(kubeconfigs);
    }

    /** The kubeconfig files kubectl would read in {@code env} (the process environment). */
    public static List<Path> kubeconfigFiles(Map<String, String> env) {
        String list = env.get("KUBECONFIG");
        List<Path> out = new ArrayList<>();
        if (list != null && !list.isBlank()) {
            for (String p : list.split(":")) {
                if (!p.isBlank()) {
                    out.add(Path.of(p));
                }
            }
            return out;
        }
        String home = env.get("HOME");
        if (home != null && !home.isBlank()) {
            out.add(Path.of(home, ".kube", "config"));
        }
        return out;
    }

    /** A client of the context's cluster, in the JDK's HTTP client. */
    public KubernetesClient open() {
        Config config = Config.empty();
        KubeConfigUtils.merge(config, context, files().toArray(io.fabric8.kubernetes.api.model.Config[]::new));
        if (namespace != null && !namespace.isBlank()) {
            config.setNamespace(namespace);
        } else if (config.getNamespace() == null || config.getNamespace().isBlank()) {
            config.setNamespace("default");
        }
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
    }

    /** The kubeconfig files that exist, parsed; one of them must define the context. */
    private List<io.fabric8.kubernetes.api.model.Config> files() {
        List<io.fabric8.kubernetes.api.model.Config> out = new ArrayList<>();
        for (Path p : kubeconfigs) {
            if (Files.isRegularFile(p)) {
                out.add(parse(p.toFile()));
            }
        }
        boolean defined = out.stream()
                .map(c -> c.getContexts() == null ? List.<NamedContext>of() : c.getContexts())
                .flatMap(List::stream)
                .anyMatch(c -> context.equals(c.getName()));
        if (!defined) {
            throw new JcomposeException(
                    "context \"" + context + "\" is not in the kubeconfig (" + describe(kubeconfigs) + ")",
                    "kubectl config get-contexts lists the contexts; set KUBECONFIG to the files that have it",
                    ExitCode.FAILURE);
        }
        return out;
    }

    private static io.fabric8.kubernetes.api.model.Config parse(File f) {
        try {
            return KubeConfigUtils.parseConfig(f);
        } catch (RuntimeException e) {
            throw new JcomposeException(
                    "cannot read kubeconfig " + f + ": " + e.getMessage(),
                    "check the file with kubectl config view --kubeconfig " + f,
                    ExitCode.FAILURE,
                    e);
        }
    }

    private static String describe(List<Path> files) {
        return files.isEmpty()
                ? "no file: KUBECONFIG and HOME are unset"
                : String.join(", ", files.stream().map(Path::toString).toList());
    }
}
