package dev.jcompose.build;

import dev.jcompose.JcomposeException;
import dev.jcompose.content.ContentStore;
import dev.jcompose.content.Digest;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.ImageRecord;
import dev.jcompose.image.ImageReference;
import dev.jcompose.image.ImageStore;
import dev.jcompose.image.Manifest;
import dev.jcompose.image.Manifests;
import dev.jcompose.image.MediaTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a finished {@link ImageDraft} as an image: its config and an OCI manifest (the draft's
 * layers, base first, with their stored media types and sizes) go into the content store, and each
 * tag is pointed at the manifest. A lease keeps the new blobs from a concurrent gc until the tags hold
 * them.
 */
public final class ImageCommit {
    private final ImageStore images;

    public ImageCommit(ImageStore images) {
        this.images = images;
    }

    /** Writes the image and tags it under every name of {@code tags}; returns it as the first tag names it. */
    @SuppressWarnings("try") // the lease is held for the block, not used in it
    public ImageRecord commit(ImageDraft draft, List<String> tags) {
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one tag");
        }
        ContentStore content = images.content();
        byte[] config = DraftJson.write(draft);
        Digest configDigest = Digest.sha256(config);
        Manifest manifest = new Manifest(
                MediaTypes.OCI_MANIFEST,
                new Descriptor(MediaTypes.OCI_CONFIG, configDigest, config.length),
                draft.layers());
        byte[] manifestBytes = Manifests.write(manifest);
        Digest manifestDigest = Digest.sha256(manifestBytes);
        List<Digest> held = new ArrayList<>(List.of(configDigest, manifestDigest));
        draft.layers().forEach(l -> held.add(l.digest()));
        try (AutoCloseable lease = images.lease(held)) {
            for (Descriptor l : draft.layers()) {
                if (!content.contains(l.digest())) {
                    throw new JcomposeException(
                            "layer " + l.digest() + " of the built image is not in the content store " + content.root(),
                            "build again with --no-cache (a removed base image or a pruned cache lost it)");
                }
            }
            content.write(configDigest, config);
            content.write(manifestDigest, manifestBytes);
            ImageRecord first = null;
            for (String tag : tags) {
                ImageRecord r = images.put(ImageReference.parse(tag).toString(), manifestDigest, manifestDigest);
                first = first == null ? r : first;
            }
            return first;
        } catch (JcomposeException e) {
            throw e;
        } catch (Exception e) {
            throw new JcomposeException(
                    "cannot store the built image " + tags.get(0) + ": " + e.getMessage(),
                    "check the free space and permissions of the data root",
                    dev.jcompose.ExitCode.FAILURE,
                    e);
        }
    }
}
