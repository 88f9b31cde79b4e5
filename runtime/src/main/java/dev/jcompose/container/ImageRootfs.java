package dev.jcompose.container;

import dev.jcompose.content.Digest;
import dev.jcompose.image.ImageException;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.LayerBlob;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.Snapshot;
import dev.jcompose.rootfs.SnapshotStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Joins the image store to the snapshot store: an image's layers become snapshots keyed by their
 * diff_id (verified while unpacking, so the files on disk are what the manifest digest vouches for),
 * and its config becomes the {@link ImageDefaults} of a container.
 */
public final class ImageRootfs {
    private final ImageStore images;
    private final SnapshotStore snapshots;

    ImageRootfs(ImageStore images, SnapshotStore snapshots) {
        this.images = images;
        this.snapshots = snapshots;
    }

    /** An image ready to back containers: its snapshots base first, and what its config contributes. */
    public record Prepared(ImageRecord image, List<Snapshot> layers, ImageDefaults defaults) {
        public Prepared {
            layers = List.copyOf(layers);
        }

        public ImageRef ref() {
            return new ImageRef(image.name(), image.id().toString());
        }
    }

    /** Unpacks the image's missing layers (concurrently) and returns it prepared. */
    public Prepared prepare(ImageRecord image) {
        List<LayerBlob> blobs = images.layers(image);
        int diffIds = image.config().diffIds().size();
        if (blobs.size() != diffIds) {
            throw new ImageException(
                    "image " + image.name() + " is corrupt: its manifest lists " + blobs.size()
                            + " layers but its config " + diffIds + " diff_ids",
                    "remove the image and pull or load it again");
        }
        if (blobs.isEmpty()) {
            throw new ImageException(
                    "image " + image.name() + " has no layers: there is no root file system to run",
                    "use an image with at least one layer (FROM scratch needs a COPY or ADD)");
        }
        List<SnapshotStore.Layer> layers = new ArrayList<>();
        for (LayerBlob b : blobs) {
            String diffId = b.diffId().toString();
            layers.add(new SnapshotStore.Layer(diffId, b.path(), diffId));
        }
        return new Prepared(image, snapshots.ensureAll(layers), ImageDefaults.of(image.config()));
    }

    /** The digests of the snapshots {@code images} need. */
    public static SortedSet<String> needed(Collection<ImageRecord> images) {
        SortedSet<String> out = new TreeSet<>();
        images.forEach(i -> i.config().diffIds().stream().map(Digest::toString).forEach(out::add));
        return out;
    }

    /**
     * Removes every snapshot that no image in {@code keepImages} needs and no container's overlay in
     * {@code containers} stacks; returns the removed digests, sorted. The caller excludes concurrent
     * {@link #prepare} + create (a snapshot just prepared is not yet in any container's record).
     */
    public SortedSet<String> prune(Collection<ImageRecord> keepImages, Collection<ContainerRecord> containers) {
        SortedSet<String> keep = needed(keepImages);
        SortedSet<String> stacked = new TreeSet<>();
        containers.forEach(c -> stacked.addAll(c.rootfs().lowerDirs()));
        SortedSet<String> removed = new TreeSet<>();
        for (String digest : snapshots.digests()) {
            if (keep.contains(digest)) {
                continue;
            }
            boolean inUse = snapshots
                    .find(digest)
                    .map(s -> stacked.contains("l/" + s.shortName()))
                    .orElse(false);
            if (!inUse) {
                snapshots.remove(digest);
                removed.add(digest);
            }
        }
        return removed;
    }
}
