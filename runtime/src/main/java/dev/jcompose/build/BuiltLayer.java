package dev.jcompose.build;

import dev.jcompose.content.Digest;
import dev.jcompose.image.Descriptor;
import dev.jcompose.image.MediaTypes;

/**
 * A layer a build step made: an uncompressed tar in the content store, so its digest is its diff_id.
 *
 * @param digest the blob's (and the diff_id's) sha256
 * @param size   the blob's size in bytes
 */
public record BuiltLayer(Digest digest, long size) {
    /** The layer as the manifest lists it. */
    public Descriptor descriptor() {
        return new Descriptor(MediaTypes.OCI_LAYER, digest, size);
    }
}
