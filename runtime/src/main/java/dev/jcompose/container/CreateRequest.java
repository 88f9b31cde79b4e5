package dev.jcompose.container;

import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to create one container. {@code layers} are the image's snapshots, base layer
 * first; the per-container files (hosts, resolv.conf, hostname) are prepared by the caller and may be null.
 * {@code imageRef} names the stored image the layers come from (null for a rootfs made another way);
 * {@code attach} whether conmon keeps stdin open and gives the process a terminal.
 */
public record CreateRequest(
        String id,
        String name,
        Map<String, String> labels,
        String configHash,
        Path snapshotsRoot,
        List<Snapshot> layers,
        ImageDefaults image,
        ContainerSpec spec,
        Path hostsFile,
        Path resolvConf,
        Path hostnameFile,
        ImageRef imageRef,
        Attach attach) {
    public CreateRequest(
            String id,
            String name,
            Map<String, String> labels,
            String configHash,
            Path snapshotsRoot,
            List<Snapshot> layers,
            ImageDefaults image,
            ContainerSpec spec,
            Path hostsFile,
            Path resolvConf,
            Path hostnameFile,
            ImageRef imageRef) {
        this(
                id,
                name,
                labels,
                configHash,
                snapshotsRoot,
                layers,
                image,
                spec,
                hostsFile,
                resolvConf,
                hostnameFile,
                imageRef,
                Attach.NONE);
    }

    public CreateRequest(
            String id,
            String name,
            Map<String, String> labels,
            String configHash,
            Path snapshotsRoot,
            List<Snapshot> layers,
            ImageDefaults image,
            ContainerSpec spec,
            Path hostsFile,
            Path resolvConf,
            Path hostnameFile) {
        this(
                id,
                name,
                labels,
                configHash,
                snapshotsRoot,
                layers,
                image,
                spec,
                hostsFile,
                resolvConf,
                hostnameFile,
                null);
    }

    public CreateRequest {
        labels = Map.copyOf(labels);
        attach = attach == null ? Attach.NONE : attach;
        layers = List.copyOf(layers);
        if (!id.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}")) {
            throw new IllegalArgumentException("invalid container id: " + id);
        }
    }
}
