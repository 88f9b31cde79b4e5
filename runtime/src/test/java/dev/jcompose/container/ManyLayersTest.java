package dev.jcompose.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.rootfs.OverlayMounter;
import dev.jcompose.rootfs.Snapshot;
import dev.jcompose.rootfs.SnapshotStore;
import dev.jcompose.rootfs.TestLayers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** 70 layers (beyond what fits in one page with full paths), upper layers win, whiteouts hide files. */
@Tag("root")
class ManyLayersTest {
    @Test
    void seventyLayersStackInOrder() throws Exception {
        try (RuntimeFixture fx = new RuntimeFixture()) {
            List<SnapshotStore.Layer> layers = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                int n = i;
                Path blob = TestLayers.write(
                        fx.dir.resolve("l" + i + ".tar"),
                        l -> l.file("layer-" + n, "x")
                                .file("shared", "from " + n + "\n")
                                .dir("d", 0755)
                                .file("d/f" + n, "y"));
                layers.add(new SnapshotStore.Layer("sha256:" + String.format("%064x", 1000 + i), blob));
            }
            layers.add(new SnapshotStore.Layer(
                    "sha256:" + "c".repeat(64),
                    TestLayers.write(
                            fx.dir.resolve("wh.tar"),
                            l -> l.file(".wh.layer-5", "")
                                    .dir("d", 0755)
                                    .file("d/.wh..wh..opq", "")
                                    .file("d/only", "z"))));
            List<Snapshot> snaps = new ArrayList<>(fx.busybox);
            snaps.addAll(fx.snapshots.ensureAll(layers));
            ContainerSpec spec =
                    RuntimeFixture.sh("cat /shared; ls /d; test -e /layer-5 || echo gone; ls / | grep -c layer-");
            fx.runtime.create(fx.request("many", spec, snaps));
            assertThat(OverlayMounter.isMounted(fx.paths.dataRoot().resolve("containers/many/rootfs")))
                    .isTrue();
            fx.runtime.start("many");
            assertThat(fx.runtime.waitExit("many", Duration.ofSeconds(20))).contains(0);
            assertThat(new LogReader(fx.runtime.logPath("many"))
                            .read(-1).stream().map(LogLine::text).collect(Collectors.joining("|")))
                    .isEqualTo("from 69|only|gone|69");
            fx.runtime.delete("many", false);
            assertThat(OverlayMounter.isMounted(fx.paths.dataRoot().resolve("containers/many/rootfs")))
                    .isFalse();
        }
    }
}
