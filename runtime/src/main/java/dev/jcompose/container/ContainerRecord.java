package dev.jcompose.container;

import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.state.ContainerState;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What jcompose remembers of a container on disk ({@code runRoot/containers/<id>/state.json}), enough
 * for a new process to find it again: identity, how it was made, where its pieces are, and the last
 * state observed. The live state always comes from the exit file, {@code runc state} and /proc.
 * {@code imageRef} is null for containers whose rootfs did not come from the image store;
 * {@code restartCount} counts the times it was run again after exiting ({@link ContainerRuntime#restart}).
 */
public record ContainerRecord(
        String id,
        String name,
        Map<String, String> labels,
        String configHash,
        ImageDefaults image,
        ContainerSpec spec,
        OverlayMount rootfs,
        String cgroupsPath,
        String runtimeName,
        String runtimePath,
        Instant created,
        ContainerState state,
        Instant started,
        Instant finished,
        Integer exitCode,
        ImageRef imageRef,
        int restartCount) {
    public ContainerRecord(
            String id,
            String name,
            Map<String, String> labels,
            String configHash,
            ImageDefaults image,
            ContainerSpec spec,
            OverlayMount rootfs,
            String cgroupsPath,
            String runtimeName,
            String runtimePath,
            Instant created,
            ContainerState state,
            Instant started,
            Instant finished,
            Integer exitCode) {
        this(
                id,
                name,
                labels,
                configHash,
                image,
                spec,
                rootfs,
                cgroupsPath,
                runtimeName,
                runtimePath,
                created,
                state,
                started,
                finished,
                exitCode,
                null,
                0);
    }

    public ContainerRecord {
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    ContainerRecord with(ContainerState s, Instant started, Instant finished, Integer exitCode) {
        return new ContainerRecord(
                id,
                name,
                labels,
                configHash,
                image,
                spec,
                rootfs,
                cgroupsPath,
                runtimeName,
                runtimePath,
                created,
                s,
                started,
                finished,
                exitCode,
                imageRef,
                restartCount);
    }

    /** Running again since {@code now}: one more restart, no exit recorded. */
    ContainerRecord restarted(Instant now) {
        return new ContainerRecord(
                id,
                name,
                labels,
                configHash,
                image,
                spec,
                rootfs,
                cgroupsPath,
                runtimeName,
                runtimePath,
                created,
                ContainerState.RUNNING,
                now,
                null,
                null,
                imageRef,
                restartCount + 1);
    }

    /** The stop signal: the service's, else the image's, else SIGTERM. */
    public String stopSignal() {
        if (spec.stopSignal() != null) {
            return spec.stopSignal();
        }
        return image.stopSignal() != null && !image.stopSignal().isBlank() ? image.stopSignal() : "SIGTERM";
    }
}
