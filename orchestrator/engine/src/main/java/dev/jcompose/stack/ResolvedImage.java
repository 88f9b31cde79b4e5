package dev.jcompose.stack;

import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.Snapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * An image ready to run: its id (config digest), what it contributes to a container, its unpacked
 * layers (base first) under {@code snapshotsRoot}, and its HEALTHCHECK test ({@code null}: none).
 */
public record ResolvedImage(
        String reference,
        String id,
        ImageDefaults defaults,
        Path snapshotsRoot,
        List<Snapshot> layers,
        List<String> healthcheckTest) {
    public ResolvedImage {
        layers = List.copyOf(layers);
        healthcheckTest = healthcheckTest == null ? null : List.copyOf(healthcheckTest);
    }
}
