package dev.jcompose.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayMountTest {
    private static List<Snapshot> layers(int n) {
        List<Snapshot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Snapshot("sha256-" + i, Path.of("/s/sha256-" + i + "/fs"), String.format("%012x", i)));
        }
        return out;
    }

    @Test
    void topmostLayerFirstWithShortRelativeNames() {
        OverlayMount m = OverlayMount.forContainer(
                Path.of("/var/lib/jcompose/snapshots"), layers(3), Path.of("/var/lib/jcompose/containers/c1"));
        assertThat(m.mountCommand().display())
                .isEqualTo("mount -t overlay overlay -o lowerdir=l/000000000002:"
                        + "l/000000000001:l/000000000000,upperdir=/var/lib/jcompose/containers/c1/upper,"
                        + "workdir=/var/lib/jcompose/containers/c1/work /var/lib/jcompose/containers/c1/rootfs");
        assertThat(m.mountCommand().workingDir()).isEqualTo(Path.of("/var/lib/jcompose/snapshots"));
    }

    @Test
    void twoHundredLayersFitOnePageButNotThreeHundred() {
        Path c = Path.of("/var/lib/jcompose/containers/" + "f".repeat(64));
        assertThat(OverlayMount.forContainer(Path.of("/s"), layers(200), c).options())
                .hasSizeLessThan(4096);
        assertThatThrownBy(() ->
                        OverlayMount.forContainer(Path.of("/s"), layers(300), c).options())
                .isInstanceOf(RootfsException.class)
                .hasMessageStartingWith("overlay for " + c + "/rootfs has 300 layers: its mount options are ");
    }
}
