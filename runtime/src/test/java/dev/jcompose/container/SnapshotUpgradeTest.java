package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jcompose.host.HostPaths;
import dev.jcompose.image.ImageLoader;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.Platform;
import dev.jcompose.image.testing.ImageArchives;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.rootfs.Snapshot;
import dev.jcompose.state.ContainerState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots an engine made before {@link HostImages} keyed them by the compressed blob digest. After
 * the upgrade such a snapshot is not found under the diff_id key (the layer is unpacked again), stays
 * while a container's overlay stacks it, and goes with the next prune once nothing does.
 */
@Tag("root") // unpacking chowns the layer's files
class SnapshotUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aSnapshotKeyedByTheBlobDigestIsUnpackedAgainByDiffIdAndPrunedWhenNoContainerStacksIt() {
        assumeThat(TestImages.available()).as("busybox-static is installed").isTrue();
        List<ContainerRecord> containers = new ArrayList<>();
        HostPaths paths = new HostPaths(dir.resolve("data"), dir.resolve("run"));
        HostImages images = new HostImages(paths, HostImages.Settings.defaults(Map.of()), () -> containers);
        TestImage image = TestImages.busybox().build();
        assumeThat(image.layerDigest()).as("a compressed layer").isNotEqualTo(image.diffId());
        ImageArchives.ociLayout(dir.resolve("layout"), "up:1", image);
        ImageRecord stored = new ImageLoader(images.store())
                .load(dir.resolve("layout"), Platform.parse("linux/amd64"))
                .getFirst();
        String blobKey = image.layerDigest().toString();
        Snapshot old =
                images.snapshots().ensure(blobKey, images.store().content().require(image.layerDigest()));
        containers.add(stacking("old-1", old));

        List<Snapshot> layers = images.withRootfs(stored, ImageRootfs.Prepared::layers);

        assertThat(layers)
                .extracting(Snapshot::id)
                .containsExactly(image.diffId().toString().replace(':', '-'));
        assertThat(images.snapshots().digests())
                .containsExactlyInAnyOrder(blobKey, image.diffId().toString());
        assertThat(images.pruneSnapshots())
                .as("the old container still stacks it")
                .isEmpty();

        containers.clear();
        assertThat(images.pruneSnapshots()).containsExactly(blobKey);
        assertThat(images.snapshots().digests()).containsExactly(image.diffId().toString());
        assertThat(images.removeImage("up:1", false).deletedSnapshots())
                .containsExactly(image.diffId().toString());
    }

    private static ContainerRecord stacking(String name, Snapshot layer) {
        Path d = Path.of("/nonexistent", name);
        return new ContainerRecord(
                name,
                name,
                Map.of(),
                "",
                ImageDefaults.EMPTY,
                ContainerSpec.defaults(),
                new OverlayMount(d, List.of("l/" + layer.shortName()), d.resolve("u"), d.resolve("w"), d.resolve("m")),
                "/c",
                "runc",
                "/usr/bin/runc",
                Instant.EPOCH,
                ContainerState.EXITED,
                null,
                null,
                0,
                null,
                0);
    }
}
