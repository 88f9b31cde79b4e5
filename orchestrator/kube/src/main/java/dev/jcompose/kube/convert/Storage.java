package dev.jcompose.kube.convert;

import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.VolumeConfig;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Volumes. A named volume is a PersistentVolumeClaim (size from its {@value ProjectConverter#SIZE_LABEL}
 * label or the default); a bind-mounted file is a ConfigMap mounted with {@code subPath}; a bind-mounted
 * directory cannot come from the user's machine, so it is an emptyDir and a warning; tmpfs is a
 * memory-backed emptyDir; an anonymous volume an emptyDir.
 */
final class Storage {
    private final ConversionContext scope;

    Storage(ConversionContext scope) {
        this.scope = scope;
    }

    /** The claims of the project's named, non-external volumes. */
    List<HasMetadata> claims() {
        List<HasMetadata> out = new ArrayList<>();
        scope.project().volumes().forEach((key, v) -> {
            if (v.external()) {
                scope.warnings()
                        .add(
                                null,
                                "volume \"" + key + "\"",
                                "is external: it is not emitted, the cluster must already have a "
                                        + "PersistentVolumeClaim named \"" + externalClaim(key, v) + "\"");
                return;
            }
            if (v.driver() != null && !v.driver().isEmpty() || !v.driverOpts().isEmpty()) {
                scope.warnings()
                        .add(
                                null,
                                "volume \"" + key + "\"",
                                "driver and driver_opts are not translated: the cluster's default StorageClass applies");
            }
            String size = v.labels()
                    .getOrDefault(ProjectConverter.SIZE_LABEL, scope.options().volumeSize());
            out.add(new PersistentVolumeClaimBuilder()
                    .withNewMetadata()
                    .withName(scope.volumes().get(key))
                    .withLabels(ObjectLabels.of(scope.projectName(), null))
                    .endMetadata()
                    .withNewSpec()
                    .withAccessModes("ReadWriteOnce")
                    .withNewResources()
                    .withRequests(new TreeMap<>(Map.of("storage", new Quantity(size))))
                    .endResources()
                    .endSpec()
                    .build());
        });
        return out;
    }

    /**
     * The pod volumes and mounts of {@code service}'s {@code volumes} and {@code tmpfs}; ConfigMaps of
     * bind-mounted files go to {@code objects}.
     */
    void mount(String service, List<Volume> volumes, List<VolumeMount> mounts, List<HasMetadata> objects) {
        ServiceConfig s = scope.project().services().get(service);
        List<ServiceVolume> list = s.volumes();
        for (int i = 0; i < list.size(); i++) {
            ServiceVolume v = list.get(i);
            String type = v.type() == null ? "" : v.type();
            switch (type) {
                case ServiceVolume.VOLUME -> volume(service, i, v, volumes, mounts);
                case ServiceVolume.BIND -> bind(service, i, v, volumes, mounts, objects);
                case ServiceVolume.TMPFS -> {
                    long size = v.tmpfs() == null ? 0 : v.tmpfs().size();
                    addEmptyDir(volumes, "tmpfs-" + i, true, size);
                    mounts.add(mount("tmpfs-" + i, v.target(), false, null));
                }
                default ->
                    scope.warnings()
                            .add(service, "volumes", "type " + type + " (" + v.target() + ") is not translated");
            }
        }
        for (int i = 0; i < s.tmpfs().size(); i++) {
            String entry = s.tmpfs().get(i);
            int colon = entry.indexOf(':');
            String name = "tmpfs-list-" + i;
            addEmptyDir(volumes, name, true, 0);
            mounts.add(mount(name, colon < 0 ? entry : entry.substring(0, colon), false, null));
            if (colon >= 0) {
                scope.warnings().add(service, "tmpfs", "options are not translated (a memory-backed emptyDir)");
            }
        }
    }

    private void volume(String service, int i, ServiceVolume v, List<Volume> volumes, List<VolumeMount> mounts) {
        var opts = v.volume();
        if (opts != null && opts.nocopy()) {
            scope.warnings().add(service, "volumes", "volume.nocopy is not translated (a new claim starts empty)");
        }
        String subPath =
                opts == null || opts.subpath() == null || opts.subpath().isEmpty() ? null : opts.subpath();
        if (!v.isNamedVolume()) {
            String name = "anon-" + i;
            addEmptyDir(volumes, name, false, 0);
            mounts.add(mount(name, v.target(), v.readOnly(), subPath));
            return;
        }
        VolumeConfig top = scope.project().volumes().get(v.source());
        String claim = top != null && top.external()
                ? externalClaim(v.source(), top)
                : scope.volumes().get(v.source());
        String name = ObjectNames.derived("volume", claim);
        if (scope.project().services().get(service).effectiveScale() > 1) {
            scope.warnings()
                    .add(
                            service,
                            "volumes",
                            v.source() + " is a ReadWriteOnce claim shared by several replicas: they must all "
                                    + "run on the node that mounts it");
        }
        if (volumes.stream().noneMatch(x -> x.getName().equals(name))) {
            volumes.add(new VolumeBuilder()
                    .withName(name)
                    .withNewPersistentVolumeClaim()
                    .withClaimName(claim)
                    .endPersistentVolumeClaim()
                    .build());
        }
        mounts.add(mount(name, v.target(), v.readOnly(), subPath));
    }

    private void bind(
            String service,
            int i,
            ServiceVolume v,
            List<Volume> volumes,
            List<VolumeMount> mounts,
            List<HasMetadata> objects) {
        String name = "bind-" + i;
        ProjectFiles.Entry entry = scope.files().probe(v.source());
        if (!(entry instanceof ProjectFiles.RegularFile file)) {
            String what = entry instanceof ProjectFiles.Directory ? "a directory" : "missing";
            scope.warnings()
                    .add(
                            service,
                            "volumes",
                            "bind mount " + v.source() + " -> " + v.target() + " is " + what
                                    + ": a host directory does not exist on the cluster's nodes, it is an empty "
                                    + "emptyDir (build the content into the image or use a named volume)");
            addEmptyDir(volumes, name, false, 0);
            mounts.add(mount(name, v.target(), v.readOnly(), null));
            return;
        }
        String configMap = ObjectNames.derived(scope.services().get(service), name);
        String key = fileKey(v.source());
        objects.add(fileConfigMap(service, configMap, key, file.content()));
        if (!v.readOnly()) {
            scope.warnings()
                    .add(
                            service,
                            "volumes",
                            "bind-mounted file " + v.source() + " becomes a ConfigMap: it is read-only in the pod");
        }
        volumes.add(new VolumeBuilder()
                .withName(name)
                .withNewConfigMap()
                .withName(configMap)
                .endConfigMap()
                .build());
        mounts.add(mount(name, v.target(), true, key));
    }

    private HasMetadata fileConfigMap(String service, String name, String key, byte[] content) {
        ConfigMapBuilder b = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(
                        ObjectLabels.of(scope.projectName(), scope.services().get(service)))
                .endMetadata();
        FileObjects.utf8(content)
                .ifPresentOrElse(
                        t -> b.withData(new TreeMap<>(Map.of(key, t))),
                        () -> b.withBinaryData(
                                new TreeMap<>(Map.of(key, Base64.getEncoder().encodeToString(content)))));
        return b.build();
    }

    /** A ConfigMap key for a file: its base name, with characters a key may not hold replaced. */
    private static String fileKey(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^-._a-zA-Z0-9]", "_");
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "file" : base;
    }

    private static String externalClaim(String key, VolumeConfig v) {
        return ObjectNames.label(v.name() == null || v.name().isEmpty() ? key : v.name());
    }

    private static void addEmptyDir(List<Volume> volumes, String name, boolean memory, long size) {
        volumes.add(new VolumeBuilder()
                .withName(name)
                .withNewEmptyDir()
                .withMedium(memory ? "Memory" : null)
                .withSizeLimit(size > 0 ? new Quantity(String.valueOf(size)) : null)
                .endEmptyDir()
                .build());
    }

    private static VolumeMount mount(String name, String target, boolean readOnly, String subPath) {
        return new VolumeMountBuilder()
                .withName(name)
                .withMountPath(target)
                .withReadOnly(readOnly ? Boolean.TRUE : null)
                .withSubPath(subPath)
                .build();
    }
}
