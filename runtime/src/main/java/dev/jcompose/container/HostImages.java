package dev.jcompose.container;

import dev.jcompose.content.Digest;
import dev.jcompose.host.HostPaths;
import dev.jcompose.image.ImageException;
import dev.jcompose.image.ImageLoader;
import dev.jcompose.image.ImageNotFoundException;
import dev.jcompose.image.ImagePuller;
import dev.jcompose.image.ImagePusher;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageReference;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.Platform;
import dev.jcompose.image.PullListener;
import dev.jcompose.image.PushListener;
import dev.jcompose.image.PushedImage;
import dev.jcompose.image.RegistryConfig;
import dev.jcompose.policy.PullPolicy;
import dev.jcompose.rootfs.SnapshotStore;
import dev.jcompose.rootfs.UnpackLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The image side of the host, the one path from an image to the root file system of a container:
 * the image store with its puller and loader, the snapshot store, and the {@link RootfsLock} that
 * keeps snapshot pruning away from unpacks and container creation. {@link ContainerHost} and the
 * orchestrator's engine both go through it.
 *
 * <p>Snapshots are keyed by the layers' diff_ids (verified while unpacking). Before this class the
 * engine keyed them by the compressed blob digest; such a snapshot is simply not found under the
 * diff_id key, so the layer is unpacked again (verified) on the next use. No image needs the old
 * one by its key, so the next prune ({@code image rm}, {@code down --rmi}, {@link #pruneSnapshots})
 * removes it once no container's overlay stacks it any more.
 */
public final class HostImages {
    /** Registry access, the platform to pull and the unpack caps; {@link #defaults} suits a real host. */
    public record Settings(RegistryConfig registry, Platform platform, UnpackLimits limits) {
        public static Settings defaults(Map<String, String> env) {
            return new Settings(RegistryConfig.defaults(env), Platform.host(), UnpackLimits.DEFAULT);
        }
    }

    /** The containers on this host, as image removal and snapshot pruning see them. */
    @FunctionalInterface
    public interface Users {
        /** Every container, whatever its state (their overlays keep their snapshots). */
        List<ContainerRecord> containers();

        /** The ID of the image {@code c} was created from, if known: its {@link ImageRef} by default. */
        default Optional<String> imageId(ContainerRecord c) {
            return Optional.ofNullable(c.imageRef()).map(ImageRef::id);
        }
    }

    /** What became of one reference given to {@link #remove}. */
    public sealed interface Removal {
        String reference();

        /** No image is stored under the reference. */
        record Absent(String reference) implements Removal {}

        /** Kept: the stored image {@code name} is the image of these containers (sorted by name). */
        record InUse(String reference, String name, List<String> containers) implements Removal {
            public InUse {
                containers = List.copyOf(containers);
            }
        }

        /** The names untagged, and the blobs no other image needed (sorted). */
        record Removed(String reference, List<String> untagged, SortedSet<Digest> deletedBlobs) implements Removal {
            public Removed {
                untagged = List.copyOf(untagged);
            }
        }
    }

    /** What {@link #remove} did: one outcome per reference in order, and the snapshots pruned after (sorted). */
    public record Removals(List<Removal> each, SortedSet<String> deletedSnapshots) {
        public Removals {
            each = List.copyOf(each);
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
    private final SnapshotStore snapshots;
    private final ImageRootfs rootfs;
    private final RootfsLock lock;
    private final Users users;
    private ImagePuller puller; // made on the first pull: most commands never reach a registry

    public HostImages(HostPaths paths, Settings settings, Users users) {
        this.settings = settings;
        this.images = ImageStore.under(paths);
        this.snapshots = new SnapshotStore(paths, settings.limits());
        this.rootfs = new ImageRootfs(images, snapshots);
        this.lock = new RootfsLock(paths.dataRoot().resolve("snapshots.lock"));
        this.users = users;
    }

    public ImageStore store() {
        return images;
    }

    /** The platform images are pulled and built for. */
    public dev.jcompose.image.Platform platform() {
        return settings.platform();
    }

    public SnapshotStore snapshots() {
        return snapshots;
    }

    /** Every stored image, sorted by name. */
    public List<ImageRecord> list() {
        return images.list();
    }

    /** The stored image of a reference as written ({@code busybox} = {@code docker.io/library/busybox:latest}) or a digest. */
    public Optional<ImageRecord> find(String reference) {
        return images.find(reference);
    }

    /**
     * Pulls {@code reference} for the configured platform and unpacks its layers. An image whose layers
     * cannot be unpacked (corrupt, hostile, or not matching the config's diff_ids) is removed again.
     */
    public ImageRecord pull(String reference, PullListener listener) {
        ImageRecord image = puller().pull(ImageReference.parse(reference), settings.platform(), listener);
        unpackOrRemove(List.of(image));
        return image;
    }

    /**
     * Pushes the image stored under {@code reference} to the registry the reference names, as
     * {@code docker push} does.
     */
    public PushedImage push(String reference, PushListener listener) {
        ImageRecord image = images.find(reference)
                .orElseThrow(() -> new ImageException(
                        "cannot push " + reference + ": no image is stored under that name",
                        "build it (`jcompose build`), or pull or load it under that name first"));
        ImageStore store = images;
        RegistryConfig registry = settings.registry();
        return new ImagePusher(store, registry, ImagePuller.defaultHttpClient(registry))
                .push(image, ImageReference.parse(reference), listener);
    }

    /** Loads a {@code docker save} archive, an OCI layout or its tar; unpacks every image's layers. */
    public List<ImageRecord> load(Path archive) {
        List<ImageRecord> loaded = new ImageLoader(images).load(archive, settings.platform());
        unpackOrRemove(loaded);
        return loaded;
    }

    /** The stored image, pulled first as {@code policy} says; {@code BUILD} is the planner's to handle. */
    public ImageRecord ensure(String reference, PullPolicy policy, PullListener listener) {
        if (policy == PullPolicy.BUILD) {
            throw new IllegalArgumentException("the runtime cannot build " + reference + ": plan a build step instead");
        }
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

    /**
     * Unpacks the image's missing layers and runs {@code use} on it prepared, with pruning held off
     * until {@code use} returns (the container that stacks the snapshots is created in it).
     */
    public <T> T withRootfs(ImageRecord image, Function<ImageRootfs.Prepared, T> use) {
        return lock.shared(() -> use.apply(rootfs.prepare(image)));
    }

    /**
     * Runs {@code action} with pruning held off: a caller that prepares an image ({@link #withRootfs})
     * and creates its container in separate steps wraps both in one call. Nests.
     */
    public <T> T holdingSnapshots(Supplier<T> action) {
        return lock.shared(action);
    }

    private void unpackOrRemove(List<ImageRecord> stored) {
        lock.shared(() -> {
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

    /**
     * Removes each reference in turn, as {@code docker rmi} does: untags it, and when no other name
     * keeps its image deletes its blobs; then prunes the snapshots nothing needs any more, once. An
     * image a container uses is kept ({@link Removal.InUse}) unless {@code force} or another name
     * keeps it; an image ID held by several names is refused unless {@code force} (which removes them
     * all). Excludes unpacks and creates for its whole run.
     */
    public Removals remove(Collection<String> references, boolean force) {
        return lock.exclusive(() -> {
            List<ContainerRecord> all = users.containers();
            List<Removal> each = new ArrayList<>();
            for (String reference : references) {
                each.add(removeOne(reference, force, all));
            }
            boolean removed = each.stream().anyMatch(r -> r instanceof Removal.Removed);
            SortedSet<String> pruned = removed ? rootfs.prune(images.list(), all) : new TreeSet<>();
            return new Removals(each, pruned);
        });
    }

    /** {@link #remove} of one reference, failing where it would keep the image (the CLI's {@code image rm}). */
    public RemovedImage removeImage(String reference, boolean force) {
        Removals done = remove(List.of(reference), force);
        return switch (done.each().getFirst()) {
            case Removal.Absent a -> throw new ImageNotFoundException(a.reference());
            case Removal.InUse u -> throw inUse(u);
            case Removal.Removed r -> new RemovedImage(r.untagged(), r.deletedBlobs(), done.deletedSnapshots());
        };
    }

    /** Removes the snapshots no stored image and no container needs; returns their digests. */
    public SortedSet<String> pruneSnapshots() {
        return lock.exclusive(() -> rootfs.prune(images.list(), users.containers()));
    }

    private Removal removeOne(String reference, boolean force, List<ContainerRecord> all) {
        Optional<ImageRecord> found = images.find(reference);
        if (found.isEmpty()) {
            return new Removal.Absent(reference);
        }
        ImageRecord image = found.get();
        List<String> sameId = images.list().stream()
                .filter(i -> i.id().equals(image.id()))
                .map(ImageRecord::name)
                .toList();
        boolean byId = reference.startsWith("sha256:");
        if (byId && sameId.size() > 1 && !force) {
            throw new ImageException(
                    "cannot remove image " + reference + ": it is referenced by several names ("
                            + String.join(", ", sameId) + ")",
                    "remove it by name, or force the removal of all its names");
        }
        List<String> names = byId ? sameId : List.of(image.name());
        if (names.size() == sameId.size() && !force) {
            List<String> using = usersOf(image, all);
            if (!using.isEmpty()) {
                return new Removal.InUse(reference, image.name(), using);
            }
        }
        SortedSet<Digest> blobs = new TreeSet<>();
        names.forEach(n -> blobs.addAll(images.remove(n)));
        return new Removal.Removed(reference, names, blobs);
    }

    private List<String> usersOf(ImageRecord image, List<ContainerRecord> all) {
        String id = image.id().toString();
        return all.stream()
                .filter(c -> users.imageId(c).filter(id::equals).isPresent())
                .map(ContainerRecord::name)
                .sorted()
                .toList();
    }

    private static ImageException inUse(Removal.InUse u) {
        boolean one = u.containers().size() == 1;
        return new ImageException(
                "cannot remove image " + u.name() + ": " + (one ? "container " : "containers ")
                        + String.join(", ", u.containers()) + (one ? " uses it" : " use it"),
                "remove " + (one ? "the container" : "the containers")
                        + " first (`jcompose rm`), or force the removal");
    }

    private synchronized ImagePuller puller() {
        if (puller == null) {
            puller = new ImagePuller(images, settings.registry(), ImagePuller.defaultHttpClient(settings.registry()));
        }
        return puller;
    }
}
