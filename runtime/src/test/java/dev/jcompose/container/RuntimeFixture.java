package dev.jcompose.container;

import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.host.Clock;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.HostSnapshot;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.Snapshot;
import dev.jcompose.rootfs.SnapshotStore;
import dev.jcompose.rootfs.TestLayers;
import dev.jcompose.rootfs.UnpackLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A private jcompose host for one root test: temp data/run roots, a unique cgroup parent, a busybox image. */
final class RuntimeFixture implements AutoCloseable {
    final Path dir;
    final HostPaths paths;
    final String cgroupParent;
    final SnapshotStore snapshots;
    final List<Snapshot> busybox;
    final OciRuntime oci;
    final ConmonRuntime runtime;
    final Path hostsFile;
    private final HostSnapshot before;

    RuntimeFixture() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        dir = Path.of("/tmp/jct-" + tag);
        cgroupParent = "jcompose-test-" + tag;
        before = snapshot();
        Files.createDirectories(dir);
        paths = new HostPaths(dir.resolve("data"), dir.resolve("run"));
        snapshots = new SnapshotStore(paths, UnpackLimits.DEFAULT);
        Path blob = TestLayers.busybox(dir.resolve("busybox.tar.gz"));
        busybox = snapshots.ensureAll(List.of(new SnapshotStore.Layer("sha256:" + "b".repeat(64), blob)));
        oci = new RuntimeProbe(new ProcessCommandRunner(), paths, System.getenv()).select(System.getenv());
        runtime = newRuntime();
        hostsFile = Files.writeString(dir.resolve("hosts"), "127.0.0.1 localhost\n");
    }

    ConmonRuntime newRuntime() {
        return newRuntime(new ProcessCommandRunner());
    }

    /** Another runtime on the same directories (what an engine started after this one has) running through {@code runner}. */
    ConmonRuntime newRuntime(dev.jcompose.host.CommandRunner runner) {
        return new ConmonRuntime(paths, runner, Clock.system(), oci, RuntimeConfig.detect(cgroupParent));
    }

    HostSnapshot snapshot() {
        return HostSnapshot.take(dir).scopedTo(dir.toString(), cgroupParent);
    }

    CreateRequest request(String id, ContainerSpec spec) {
        return request(id, spec, busybox);
    }

    CreateRequest request(String id, ContainerSpec spec, List<Snapshot> layers) {
        return new CreateRequest(
                id,
                "c-" + id,
                Map.of("test", "yes"),
                "hash",
                snapshots.root(),
                layers,
                ImageDefaults.EMPTY,
                spec,
                hostsFile,
                null,
                null);
    }

    static ContainerSpec sh(String script) {
        return ContainerSpec.defaults().withCommand(List.of("/bin/sh", "-c", script));
    }

    @Override
    public void close() throws IOException {
        for (ContainerRecord r : runtime.list()) {
            runtime.delete(r.id(), true);
        }
        CgroupLayout.detect().remove("/" + cgroupParent);
        Files.deleteIfExists(paths.runRoot().resolve("runtime-probe.json"));
        try (var s = Files.walk(dir)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
        snapshot().assertSameAs(before);
    }
}
