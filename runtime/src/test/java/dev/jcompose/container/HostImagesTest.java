package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jcompose.host.HostPaths;
import dev.jcompose.image.ImageException;
import dev.jcompose.image.ImageLoader;
import dev.jcompose.image.ImageNotFoundException;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.Platform;
import dev.jcompose.image.testing.ImageArchives;
import dev.jcompose.image.testing.TestImage;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.state.ContainerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one image removal ({@code image rm} and {@code down --rmi}): what each reference comes to, on
 * stored images that were never unpacked (so no root is needed).
 */
class HostImagesTest {
    @TempDir
    Path dir;

    private final List<ContainerRecord> containers = new ArrayList<>();
    private HostImages images;
    private TestImage busybox;
    private TestImage other;

    @BeforeEach
    void setUp() {
        assumeThat(TestImages.available()).as("busybox-static is installed").isTrue();
        images = new HostImages(
                new HostPaths(dir.resolve("data"), dir.resolve("run")),
                HostImages.Settings.defaults(Map.of("HOME", dir.toString())),
                () -> List.copyOf(containers));
        busybox = TestImages.busybox().build();
        other = TestImages.busybox().env("OTHER=1").build();
    }

    private void store(String name, TestImage image) throws IOException {
        Path layout = dir.resolve("layout-" + name.replace('/', '_').replace(':', '_'));
        ImageArchives.ociLayout(layout, name, image);
        new ImageLoader(images.store()).load(layout, Platform.parse("linux/amd64"));
    }

    private static ContainerRecord container(String name, ImageRef image, Map<String, String> labels) {
        Path d = Path.of("/nonexistent", name);
        return new ContainerRecord(
                name,
                name,
                labels,
                "",
                ImageDefaults.EMPTY,
                ContainerSpec.defaults(),
                new OverlayMount(d, List.of("l/x"), d.resolve("u"), d.resolve("w"), d.resolve("m")),
                "/c",
                "runc",
                "/usr/bin/runc",
                Instant.EPOCH,
                ContainerState.CREATED,
                null,
                null,
                null,
                image,
                0);
    }

    private ImageRef ref(String name, TestImage image) {
        return new ImageRef(name, image.configDigest().toString());
    }

    @Test
    void eachReferenceIsAbsentKeptInUseOrRemovedAndTheBlobsGoWithTheLastName() throws IOException {
        store("tool:1", other);
        store("busybox:1.36", busybox);
        containers.add(container("b-user", ref("docker.io/library/busybox:1.36", busybox), Map.of()));
        containers.add(container("a-user", ref("docker.io/library/busybox:1.36", busybox), Map.of()));

        HostImages.Removals done = images.remove(List.of("busybox:1.36", "nope:1", "tool:1"), false);

        assertThat(done.each().get(0))
                .isEqualTo(new HostImages.Removal.InUse(
                        "busybox:1.36", "docker.io/library/busybox:1.36", List.of("a-user", "b-user")));
        assertThat(done.each().get(1)).isEqualTo(new HostImages.Removal.Absent("nope:1"));
        HostImages.Removal.Removed removed =
                (HostImages.Removal.Removed) done.each().get(2);
        assertThat(removed.untagged()).containsExactly("docker.io/library/tool:1");
        assertThat(removed.deletedBlobs()).contains(other.configDigest(), other.manifestDigest());
        assertThat(images.list()).extracting(ImageRecord::name).containsExactly("docker.io/library/busybox:1.36");
        assertThat(done.deletedSnapshots()).isEmpty();
    }

    @Test
    void anImageInUseIsUntaggedWhenAnotherNameKeepsIt() throws IOException {
        store("a:1", busybox);
        store("b:1", busybox);
        containers.add(container("user", ref("docker.io/library/a:1", busybox), Map.of()));

        HostImages.Removals done = images.remove(List.of("a:1"), false);

        assertThat(done.each())
                .containsExactly(new HostImages.Removal.Removed(
                        "a:1", List.of("docker.io/library/a:1"), new java.util.TreeSet<>()));
        assertThat(images.list()).extracting(ImageRecord::name).containsExactly("docker.io/library/b:1");
        assertThat(images.remove(List.of("b:1"), false).each().getFirst()).isInstanceOf(HostImages.Removal.InUse.class);
    }

    @Test
    void theCallerSaysWhichImageAContainerWithoutAnImageRefRuns() throws IOException {
        store("old:1", busybox);
        containers.add(container(
                "old-1", null, Map.of("image.id", busybox.configDigest().toString())));
        HostImages byLabel = new HostImages(
                new HostPaths(dir.resolve("data"), dir.resolve("run")),
                HostImages.Settings.defaults(Map.of()),
                new HostImages.Users() {
                    @Override
                    public List<ContainerRecord> containers() {
                        return containers;
                    }

                    @Override
                    public Optional<String> imageId(ContainerRecord c) {
                        return Optional.ofNullable(c.labels().get("image.id"));
                    }
                });

        assertThat(byLabel.remove(List.of("old:1"), false).each())
                .containsExactly(new HostImages.Removal.InUse("old:1", "docker.io/library/old:1", List.of("old-1")));
        assertThat(images.remove(List.of("old:1"), false).each().getFirst())
                .as("by default only the recorded ImageRef counts")
                .isInstanceOf(HostImages.Removal.Removed.class);
    }

    @Test
    void removeImageFailsWhereItWouldKeepTheImage() throws IOException {
        store("used:1", busybox);
        containers.add(container("c-user", ref("docker.io/library/used:1", busybox), Map.of()));

        assertThatThrownBy(() -> images.removeImage("gone:1", false))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessage("no such image: gone:1");
        assertThatThrownBy(() -> images.removeImage("used:1", false))
                .isInstanceOf(ImageException.class)
                .hasMessage("cannot remove image docker.io/library/used:1: container c-user uses it");
        containers.add(container("b-user", ref("docker.io/library/used:1", busybox), Map.of()));
        assertThatThrownBy(() -> images.removeImage("used:1", false))
                .hasMessage("cannot remove image docker.io/library/used:1: containers b-user, c-user use it");
        assertThat(images.removeImage("used:1", true).untagged()).containsExactly("docker.io/library/used:1");
        assertThat(images.list()).isEmpty();
        assertThat(images.store().content().list()).isEmpty();
        assertThat(Files.exists(dir.resolve("data/snapshots.lock")))
                .as("removal takes the rootfs lock")
                .isTrue();
    }
}
