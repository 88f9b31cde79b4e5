package dev.jcompose.stack;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.image.ImageConfig;
import dev.jcompose.image.ImagePuller;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageReference;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.Platform;
import dev.jcompose.image.PullListener;
import dev.jcompose.oci.ImageDefaults;
import dev.jcompose.rootfs.Snapshot;
import dev.jcompose.rootfs.SnapshotStore;
import java.util.List;
import java.util.Optional;

/** {@link ImageSource} over the local {@link ImageStore} and {@link SnapshotStore}; pulls when a puller is given. */
public final class LocalImages implements ImageSource {
    private final ImageStore images;
    private final SnapshotStore snapshots;
    private final ImagePuller puller;

    /** @param puller null when pulling is not available (offline tests): a missing image is an error */
    public LocalImages(ImageStore images, SnapshotStore snapshots, ImagePuller puller) {
        this.images = images;
        this.snapshots = snapshots;
        this.puller = puller;
    }

    @Override
    public Optional<ResolvedImage> resolve(String reference) {
        return find(reference).map(this::resolved);
    }

    /** The record under the name as written, or its normalised form ({@code busybox} = {@code docker.io/library/busybox:latest}). */
    Optional<ImageRecord> find(String reference) {
        return find(images, reference);
    }

    /** {@link #find(String)} in any store (image removal looks up the same way). */
    static Optional<ImageRecord> find(ImageStore images, String reference) {
        Optional<ImageRecord> r = images.find(reference);
        if (r.isPresent()) {
            return r;
        }
        try {
            return images.find(ImageReference.parse(reference).toString());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private ResolvedImage resolved(ImageRecord r) {
        List<SnapshotStore.Layer> layers = images.layers(r).stream()
                .map(l -> new SnapshotStore.Layer(l.digest().toString(), l.path()))
                .toList();
        List<Snapshot> unpacked = snapshots.ensureAll(layers);
        ImageConfig c = r.config();
        ImageDefaults defaults = new ImageDefaults(
                c.entrypoint(),
                c.cmd(),
                c.env(),
                c.user(),
                c.workingDir(),
                c.stopSignal() == null || c.stopSignal().isEmpty() ? null : c.stopSignal(),
                List.copyOf(c.volumes()),
                c.labels());
        List<String> health =
                c.healthcheckOptional().map(ImageConfig.Healthcheck::test).orElse(null);
        return new ResolvedImage(r.name(), r.id().toString(), defaults, snapshots.root(), unpacked, health);
    }

    @Override
    public void pull(String reference) {
        if (puller == null) {
            throw new JcomposeException(
                    "cannot pull " + reference + ": no registry access is configured",
                    "load the image locally first",
                    ExitCode.PULL);
        }
        puller.pull(ImageReference.parse(reference), Platform.host(), PullListener.NONE);
    }
}
