package dev.jcompose.kube.convert;

import java.util.Objects;

/**
 * How a project becomes Kubernetes objects.
 *
 * @param namespace written into every object's metadata; null leaves it to the client's context
 * @param expose how published ports leave the cluster
 * @param dependencies whether {@code depends_on} becomes init containers that wait
 * @param liveness also a livenessProbe from the healthcheck (compose never restarts an unhealthy container, so off by default)
 * @param volumeSize the size of a claim whose volume has no {@value ProjectConverter#SIZE_LABEL} label
 * @param waitImage the image of the init containers that wait for a dependency (needs sh, nc and nslookup)
 */
public record ConvertOptions(
        String namespace,
        Expose expose,
        Dependencies dependencies,
        boolean liveness,
        String volumeSize,
        String waitImage) {

    /** Where published ports go: a LoadBalancer Service, a NodePort Service, or nowhere. */
    public enum Expose {
        LOADBALANCER,
        NODEPORT,
        NONE
    }

    /** {@code depends_on}: wait in an init container, or drop it. */
    public enum Dependencies {
        WAIT,
        IGNORE
    }

    public static final ConvertOptions DEFAULTS =
            new ConvertOptions(null, Expose.LOADBALANCER, Dependencies.WAIT, false, "1Gi", "busybox:1.36");

    public ConvertOptions {
        Objects.requireNonNull(expose, "expose");
        Objects.requireNonNull(dependencies, "dependencies");
        Objects.requireNonNull(volumeSize, "volumeSize");
        Objects.requireNonNull(waitImage, "waitImage");
    }

    public ConvertOptions withNamespace(String ns) {
        return new ConvertOptions(ns, expose, dependencies, liveness, volumeSize, waitImage);
    }

    public ConvertOptions withExpose(Expose e) {
        return new ConvertOptions(namespace, e, dependencies, liveness, volumeSize, waitImage);
    }

    public ConvertOptions withDependencies(Dependencies d) {
        return new ConvertOptions(namespace, expose, d, liveness, volumeSize, waitImage);
    }

    public ConvertOptions withLiveness(boolean l) {
        return new ConvertOptions(namespace, expose, dependencies, l, volumeSize, waitImage);
    }
}
