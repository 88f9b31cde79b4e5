package dev.jcompose.stack;

import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.Snapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * An image ready to run: its id (config digest), what it contributes to a container, its unpacked
 * layers (base first) under {@code snapshotsRoot}, its HEALTHCHECK test ({@code null}: none) and
 * its exposed ports ({@code 80/tcp}, as the image config keys them).
 */
public record ResolvedImage(
        String reference,
        String id,
        ImageDefaults defaults,
        Path snapshotsRoot,
        List<Snapshot> layers,
        List<String> healthcheckTest,
        List<String> exposedPorts) {
    public ResolvedImage {
        layers = List.copyOf(layers);
        healthcheckTest = healthcheckTest == null ? null : List.copyOf(healthcheckTest);
        exposedPorts = exposedPorts == null ? List.of() : List.copyOf(exposedPorts);
    }

    /** An image that exposes no port. */
    public ResolvedImage(
            String reference,
            String id,
            ImageDefaults defaults,
            Path snapshotsRoot,
            List<Snapshot> layers,
            List<String> healthcheckTest) {
        this(reference, id, defaults, snapshotsRoot, layers, healthcheckTest, List.of());
    }
}
