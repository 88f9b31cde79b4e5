package dev.jcompose.container;

import dev.jcompose.host.Clock;
import dev.jcompose.host.HostPaths;
import dev.jcompose.host.ProcessCommandRunner;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.SnapshotStore;
import dev.jcompose.rootfs.UnpackLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link AdoptionTest}: creates and starts a container, then exits, leaving
 * the container to conmon. Args: dataRoot runRoot cgroupParent id layerDigest layerBlob.
 */
public final class AdoptionMain {
    public static void main(String[] args) {
        HostPaths paths = new HostPaths(Path.of(args[0]), Path.of(args[1]));
        SnapshotStore store = new SnapshotStore(paths, UnpackLimits.DEFAULT);
        var layers = store.ensureAll(List.of(new SnapshotStore.Layer(args[4], Path.of(args[5]))));
        ProcessCommandRunner runner = new ProcessCommandRunner();
        OciRuntime oci = new RuntimeProbe(runner, paths, System.getenv()).select(System.getenv());
        ContainerRuntime rt = new ConmonRuntime(paths, runner, Clock.system(), oci, RuntimeConfig.detect(args[2]));
        ContainerSpec spec = ContainerSpec.defaults()
                .withCommand(List.of("/bin/sh", "-c", "trap 'exit 42' TERM; while :; do sleep 0.05; done"))
                .withStop(null, Duration.ofSeconds(20));
        rt.create(new CreateRequest(
                args[3], "adopted", Map.of(), "h", store.root(), layers, ImageDefaults.EMPTY, spec, null, null, null));
        rt.start(args[3]);
        System.out.println("started " + args[3]);
    }
}
