package dev.jcompose.container;

import dev.jcompose.content.Digest;
import dev.jcompose.host.Clock;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.ImageException;
import dev.jcompose.image.ImageLoader;
import dev.jcompose.image.ImageNotFoundException;
import dev.jcompose.image.ImagePuller;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageReference;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.Platform;
import dev.jcompose.image.PullListener;
import dev.jcompose.image.PullPolicy;
import dev.jcompose.image.RegistryConfig;
import dev.jcompose.rootfs.SnapshotStore;
import dev.jcompose.rootfs.UnpackLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Everything jcompose runs containers with on this machine, wired from the OS seams: the image store
 * and its puller and loader, the snapshot store, the probe-selected OCI runtime and the
 * {@link ContainerRuntime}. The one object the orchestrator holds.
 *
 * <p>Pulled and loaded images are unpacked at once (as containerd does), so a corrupt or hostile
 * layer fails the pull, not a later {@code up}. Snapshot pruning excludes unpacks and container
 * creation, in this process and in others on the same data root ({@link RootfsLock}).
 */
public final class ContainerHost {
    /** Host-wide settings; {@link #defaults} suits a real host. */
    public record Settings(
            RegistryConfig registry,
            Platform platform,
            String cgroupParent,
            UnpackLimits limits,
            Map<String, String> env) {
        public Settings {
            env = Map.copyOf(env);
        }

        public static Settings defaults(Map<String, String> env) {
            return new Settings(RegistryConfig.defaults(env), Platform.host(), "jcompose", UnpackLimits.DEFAULT, env);
        }

        public Settings withRegistry(RegistryConfig r) {
            return new Settings(r, platform, cgroupParent, limits, env);
        }

        public Settings withPlatform(Platform p) {
            return new Settings(registry, p, cgroupParent, limits, env);
        }

        public Settings withCgroupParent(String parent) {
            return new Settings(registry, platform, parent, limits, env);
        }
    }

    /** What {@link #removeImage} did: the names untagged, the blobs and snapshots deleted (sorted). */
    public record RemovedImage(
            List<String> untagged, SortedSet<Digest> deletedBlobs, SortedSet<String> deletedSnapshots) {
        public RemovedImage {
            untagged = List.copyOf(untagged);
        }
    }

    private final Settings settings;
    private final ImageStore images;
    private final ImagePuller puller;
    private final SnapshotStore snapshots;
    private final ImageRootfs rootfs;
    private final ContainerRuntime containers;
    private final RootfsLock rootfsLock;

    public ContainerHost(HostPaths paths, CommandRunner runner, Clock clock, Settings settings) {
        this.settings = settings;
        this.images = ImageStore.under(paths);
        this.puller = new ImagePuller(images, settings.registry(), ImagePuller.defaultHttpClient(settings.registry()));
        this.snapshots = new SnapshotStore(paths, settings.limits());
        this.rootfs = new ImageRootfs(images, snapshots);
        this.rootfsLock = new RootfsLock(paths.dataRoot().resolve("snapshots.lock"));
        OciRuntime oci = new RuntimeProbe(runner, paths, settings.env()).select(settings.env());
        this.containers = new ConmonRuntime(paths, runner, clock, oci, RuntimeConfig.detect(settings.cgroupParent()));
    }

    public ContainerRuntime containers() {
        return containers;
    }

    public ImageStore imageStore() {
        return images;
    }

    public SnapshotStore snapshots() {
        return snapshots;
    }

    /** Every stored image, sorted by name. */
    public List<ImageRecord> images() {
        return images.list();
    }

    /**
     * Pulls {@code reference} for the configured platform and unpacks its layers. An image whose layers
     * cannot be unpacked (corrupt, hostile, or not matching the config's diff_ids) is removed again.
     */
    public ImageRecord pull(String reference, PullListener listener) {
        ImageRecord image = puller.pull(ImageReference.parse(reference), settings.platform(), listener);
        unpackOrRemove(List.of(image));
        return image;
    }

    /** Loads a {@code docker save} archive, an OCI layout or its tar; unpacks every image's layers. */
    public List<ImageRecord> load(Path archive) {
        List<ImageRecord> loaded = new ImageLoader(images).load(archive, settings.platform());
        unpackOrRemove(loaded);
        return loaded;
    }

    private void unpackOrRemove(List<ImageRecord> stored) {
        rootfsLock.shared(() -> {
            try {
                return stored.stream().map(rootfs::prepare).toList();
            } catch (RuntimeException e) {
                for (ImageRecord image : stored) {
                    try {
                        images.remove(image.name());
                    } catch (RuntimeException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        });
    }

    /** The stored image, pulled first as {@code policy} says. */
    public ImageRecord ensureImage(String reference, PullPolicy policy, PullListener listener) {
        Optional<ImageRecord> stored = policy == PullPolicy.ALWAYS ? Optional.empty() : images.find(reference);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (policy == PullPolicy.NEVER) {
            throw new ImageException(
                    "no such image: " + reference + " (and the pull policy is never)",
                    "pull it (`jcompose pull`), load it (`jcompose load`), or change pull_policy");
        }
        return pull(reference, listener);
    }

    /** Creates a container from the stored image {@code image} (a name or digest). */
    public ContainerRecord create(String image, NewContainer c) {
        ImageRecord stored = images.get(image);
        return rootfsLock.shared(() -> {
            ImageRootfs.Prepared p = rootfs.prepare(stored);
            return containers.create(new CreateRequest(
                    c.id(),
                    c.name(),
                    c.labels(),
                    c.configHash(),
                    snapshots.root(),
                    p.layers(),
                    p.defaults(),
                    c.spec(),
                    c.hostsFile(),
                    c.resolvConf(),
                    c.hostnameFile(),
                    p.ref()));
        });
    }

    /**
     * Untags {@code reference}; when no other name keeps its image, deletes its blobs and the snapshots
     * nothing else needs. As {@code docker rmi}: an image ID held by several names is refused unless
     * {@code force} (which removes them all), and so is an image a container uses, unless {@code force}
     * (the containers keep their snapshots until they are removed and the snapshots pruned).
     */
    public RemovedImage removeImage(String reference, boolean force) {
        ImageRecord image = images.find(reference).orElseThrow(() -> new ImageNotFoundException(reference));
        return rootfsLock.exclusive(() -> {
            List<ImageRecord> sameId = images.list().stream()
                    .filter(i -> i.id().equals(image.id()))
                    .toList();
            boolean byId = reference.startsWith("sha256:");
            if (byId && sameId.size() > 1 && !force) {
                throw new ImageException(
                        "cannot remove image " + reference + ": it is referenced by several names ("
                                + String.join(
                                        ", ",
                                        sameId.stream().map(ImageRecord::name).toList()) + ")",
                        "remove it by name, or force the removal of all its names");
            }
            List<String> names = byId ? sameId.stream().map(ImageRecord::name).toList() : List.of(image.name());
            List<ContainerRecord> all = containers.list();
            if (names.size() == sameId.size() && !force) {
                refuseIfUsed(image, all);
            }
            SortedSet<Digest> blobs = new java.util.TreeSet<>();
            names.forEach(n -> blobs.addAll(images.remove(n)));
            SortedSet<String> pruned = rootfs.prune(images.list(), all);
            return new RemovedImage(names, blobs, pruned);
        });
    }

    private static void refuseIfUsed(ImageRecord image, List<ContainerRecord> all) {
        List<String> users = all.stream()
                .filter(c -> c.imageRef() != null
                        && c.imageRef().id().equals(image.id().toString()))
                .map(ContainerRecord::name)
                .toList();
        if (!users.isEmpty()) {
            boolean one = users.size() == 1;
            throw new ImageException(
                    "cannot remove image " + image.name() + ": " + (one ? "container " : "containers ")
                            + String.join(", ", users) + (one ? " uses it" : " use it"),
                    "remove " + (one ? "the container" : "the containers")
                            + " first (`jcompose rm`), or force the removal");
        }
    }

    /** Removes the snapshots no stored image and no container needs; returns their digests. */
    public SortedSet<String> pruneSnapshots() {
        return rootfsLock.exclusive(() -> rootfs.prune(images.list(), containers.list()));
    }
}
