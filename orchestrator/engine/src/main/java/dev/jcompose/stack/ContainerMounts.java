package dev.jcompose.stack;

import dev.jcompose.api.StackException;
import dev.jcompose.model.Project;
import dev.jcompose.model.ServiceConfig;
import dev.jcompose.model.ServiceVolume;
import dev.jcompose.model.VolumeConfig;
import dev.jcompose.observe.Labels;
import dev.jcompose.oci.ContainerSpec;
import dev.jcompose.volume.Volume;
import dev.jcompose.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a service's {@code volumes:} and {@code tmpfs:} into container mounts, creating what
 * is missing like docker does: bind sources (when create_host_path), named volumes, and anonymous
 * volumes for {@code type: volume} without a source and for the image's VOLUME paths not mounted otherwise.
 * It also decides which volumes the image's content fills ({@link Seed}): every volume mount (named or
 * anonymous) whose volume is empty now, unless the long syntax says {@code volume: {nocopy: true}}.
 */
final class ContainerMounts {
    static final String ANONYMOUS = "com.docker.volume.anonymous";
    private final VolumeStore volumes;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    ContainerMounts(VolumeStore volumes) {
        this.volumes = volumes;
    }

    /**
     * @param anonymousVolumes the volumes made for this container (removed with it, or when its create fails)
     * @param seeds the volumes to fill from the image once its root file system is mounted
     */
    record Resolved(List<ContainerSpec.VolumeMount> mounts, List<String> anonymousVolumes, List<Seed> seeds) {}

    /** Copy what the image has at {@code target} into {@code volume} (the volume's data directory) if it is still empty. */
    record Seed(String target, Path volume) {}

    /** docker's rule: the image's content goes into a volume that is empty when mounted, unless nocopy. */
    static boolean seeds(boolean nocopy, boolean volumeEmpty) {
        return !nocopy && volumeEmpty;
    }

    /**
     * @param reserve told each anonymous volume's name before the volume is made, so that a create cut
     *                short (here, or by the engine being killed) can remove what it made
     */
    Resolved resolve(
            Project project,
            ServiceConfig s,
            List<String> imageVolumes,
            Map<String, String> inherit,
            java.util.function.Consumer<String> reserve) {
        List<ContainerSpec.VolumeMount> mounts = new ArrayList<>();
        List<String> anonymous = new ArrayList<>();
        List<Seed> seeds = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (ServiceVolume v : s.volumes()) {
            targets.add(v.target());
            switch (v.type() == null ? ServiceVolume.VOLUME : v.type()) {
                case ServiceVolume.BIND -> mounts.add(bind(v));
                case ServiceVolume.TMPFS ->
                    mounts.add(new ContainerSpec.Tmpfs(
                            v.target(),
                            v.tmpfs() != null && v.tmpfs().size() > 0
                                    ? v.tmpfs().size()
                                    : null,
                            v.tmpfs() != null && v.tmpfs().mode() > 0
                                    ? (int) v.tmpfs().mode()
                                    : null));
                case ServiceVolume.VOLUME -> {
                    Volume vol = v.isNamedVolume()
                            ? named(project, v.source())
                            : anonymous(project.name(), v.target(), inherit, reserve);
                    if (!v.isNamedVolume()) {
                        anonymous.add(vol.name());
                    }
                    mounts.add(new ContainerSpec.Bind(vol.mountpoint().toString(), v.target(), v.readOnly()));
                    if (seeds(v.volume() != null && v.volume().nocopy(), isEmpty(vol.mountpoint()))) {
                        seeds.add(new Seed(v.target(), vol.mountpoint()));
                    }
                }
                default ->
                    throw new StackException(
                            "volume type " + v.type() + " of " + v.target() + " is not supported yet",
                            "use a bind mount, a named volume or a tmpfs");
            }
        }
        ServiceSpecs.tmpfs(s).forEach(t -> {
            targets.add(t.target());
            mounts.add(t);
        });
        for (String path : imageVolumes) {
            if (!targets.contains(path)) {
                Volume a = anonymous(project.name(), path, inherit, reserve);
                anonymous.add(a.name());
                mounts.add(new ContainerSpec.Bind(a.mountpoint().toString(), path, false));
                if (isEmpty(a.mountpoint())) {
                    seeds.add(new Seed(path, a.mountpoint()));
                }
            }
        }
        return new Resolved(mounts, anonymous, seeds);
    }

    private static boolean isEmpty(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new StackException(
                    "cannot read the volume directory " + dir + ": " + e.getMessage(),
                    "check that the volume exists and is a directory");
        }
    }

    private static ContainerSpec.Bind bind(ServiceVolume v) {
        Path source = Path.of(v.source());
        if (!source.isAbsolute()) {
            throw new StackException(
                    "bind mount source " + v.source() + " of " + v.target() + " is not an absolute path",
                    "load the project with the compose loader, which resolves relative paths");
        }
        if (!Files.exists(source) && (v.bind() == null || v.bind().createsHostPath())) {
            try {
                Files.createDirectories(source);
            } catch (IOException e) {
                throw new StackException(
                        "cannot create the bind mount source " + source + ": " + e.getMessage(),
                        "create it yourself or fix its parent's permissions");
            }
        }
        if (!Files.exists(source)) {
            throw new StackException(
                    "bind mount source path does not exist: " + source, "create it, or remove create_host_path: false");
        }
        return new ContainerSpec.Bind(source.toString(), v.target(), v.readOnly());
    }

    /** The named volume of a project key: created here if the plan did not (external ones must exist). */
    private Volume named(Project project, String key) {
        VolumeConfig c = project.volumes().get(key);
        String name = c == null || c.name() == null ? project.name() + "_" + key : c.name();
        if (c != null && c.external()) {
            return volumes.find(name)
                    .orElseThrow(() -> new StackException(
                            "external volume \"" + name + "\" not found", "create it first or remove external: true"));
        }
        return volumes.find(name).orElseGet(() -> volumes.create(name, volumeLabels(project.name(), key, c)));
    }

    static Map<String, String> volumeLabels(String project, String key, VolumeConfig c) {
        Map<String, String> labels = new java.util.TreeMap<>(c == null ? Map.of() : c.labels());
        labels.put(Labels.PROJECT, project);
        labels.put(Labels.VOLUME, key);
        labels.put(Labels.VERSION, dev.jcompose.JcomposeVersion.current());
        return labels;
    }

    /**
     * The replaced container's anonymous volume at {@code target}, if it had one that still exists;
     * else a new one. An inherited volume is not reserved: a failed create must not remove it.
     */
    private Volume anonymous(
            String project, String target, Map<String, String> inherit, java.util.function.Consumer<String> reserve) {
        String old = inherit.get(target);
        if (old != null) {
            java.util.Optional<Volume> kept = volumes.find(old);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return anonymous(project, reserve);
    }

    private Volume anonymous(String project, java.util.function.Consumer<String> reserve) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        String name = HexFormat.of().formatHex(b);
        reserve.accept(name);
        return volumes.create(name, Map.of(Labels.PROJECT, project, ANONYMOUS, ""));
    }
}
