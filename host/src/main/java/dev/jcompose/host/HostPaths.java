package dev.jcompose.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where jcompose keeps its files on the host. Injected everywhere so tests run in a temp dir.
 *
 * @param dataRoot persistent state: images, content store, snapshots, volumes (default /var/lib/jcompose)
 * @param runRoot  volatile state: container bundles, netns mounts, sockets, locks (default /run/jcompose)
 */
public record HostPaths(Path dataRoot, Path runRoot) {
    public HostPaths {
        Objects.requireNonNull(dataRoot, "dataRoot");
        Objects.requireNonNull(runRoot, "runRoot");
    }

    /** Defaults, overridable with JCOMPOSE_DATA_ROOT and JCOMPOSE_RUN_ROOT. */
    public static HostPaths fromEnvironment(java.util.Map<String, String> env) {
        return new HostPaths(
                Path.of(env.getOrDefault("JCOMPOSE_DATA_ROOT", "/var/lib/jcompose")),
                Path.of(env.getOrDefault("JCOMPOSE_RUN_ROOT", "/run/jcompose")));
    }
}
