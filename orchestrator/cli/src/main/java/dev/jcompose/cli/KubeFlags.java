package dev.jcompose.cli;

import dev.jcompose.kube.convert.ConvertOptions;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How {@code convert --to k8s} and {@code deploy --context} turn the project into Kubernetes objects. */
final class KubeFlags {
    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NS",
            description = "Kubernetes namespace (default: the context's, else default).")
    String namespace;

    @Option(
            names = "--expose",
            paramLabel = "loadbalancer|nodeport|none",
            description = "Where published ports go: a LoadBalancer Service (default), a NodePort Service, or nowhere.")
    String expose = "loadbalancer";

    @Option(
            names = "--depends-on",
            paramLabel = "wait|ignore",
            description = "depends_on as init containers that wait for the dependency's Service (default), or dropped.")
    String dependsOn = "wait";

    @Option(
            names = "--liveness",
            description = "Also make the healthcheck a livenessProbe (compose never restarts an unhealthy container).")
    boolean liveness;

    ConvertOptions options(boolean withNamespace) {
        ConvertOptions.Expose e = switch (expose.toLowerCase(Locale.ROOT)) {
            case "loadbalancer" -> ConvertOptions.Expose.LOADBALANCER;
            case "nodeport" -> ConvertOptions.Expose.NODEPORT;
            case "none" -> ConvertOptions.Expose.NONE;
            default ->
                throw Usage.error(
                        "invalid value for --expose: \"" + expose + "\"",
                        "use --expose=loadbalancer, nodeport or none");
        };
        ConvertOptions.Dependencies d = switch (dependsOn.toLowerCase(Locale.ROOT)) {
            case "wait" -> ConvertOptions.Dependencies.WAIT;
            case "ignore" -> ConvertOptions.Dependencies.IGNORE;
            default ->
                throw Usage.error(
                        "invalid value for --depends-on: \"" + dependsOn + "\"", "use --depends-on=wait or ignore");
        };
        return ConvertOptions.DEFAULTS
                .withNamespace(withNamespace ? namespace : null)
                .withExpose(e)
                .withDependencies(d)
                .withLiveness(liveness);
    }
}
