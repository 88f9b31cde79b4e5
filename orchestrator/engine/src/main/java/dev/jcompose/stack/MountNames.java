package dev.jcompose.stack;

import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.volume.VolumeStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's mounts as docker's container list names them ({@code ps}'s Mounts and LocalVolumes):
 * a volume by its name, a bind mount by its host path; tmpfs mounts are not listed.
 *
 * @param volumes how many of them are volumes
 */
record MountNames(List<String> names, int volumes) {
    MountNames {
        names = List.copyOf(names);
    }

    static MountNames of(List<ContainerSpec.VolumeMount> mounts, VolumeStore store) {
        List<String> names = new ArrayList<>();
        int volumes = 0;
        for (ContainerSpec.VolumeMount m : mounts) {
            if (m instanceof ContainerSpec.Bind b) {
                var volume = store.nameOf(Path.of(b.source()));
                volumes += volume.isPresent() ? 1 : 0;
                names.add(volume.orElse(b.source()));
            }
        }
        return new MountNames(names, volumes);
    }
}
