package dev.jcompose.container;

import dev.jcompose.oci.ContainerSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the orchestrator decides about a container to create from a stored image; the image's
 * layers and defaults are filled in by {@link ContainerHost#create}. The per-container files may be null.
 */
public record NewContainer(
        String id,
        String name,
        Map<String, String> labels,
        String configHash,
        ContainerSpec spec,
        Path hostsFile,
        Path resolvConf,
        Path hostnameFile) {
    public NewContainer {
        labels = Map.copyOf(labels);
    }

    /** A container with no labels, hash or per-container files: for one-off runs and tests. */
    public static NewContainer of(String id, String name, ContainerSpec spec) {
        return new NewContainer(id, name, Map.of(), "", spec, null, null, null);
    }
}
