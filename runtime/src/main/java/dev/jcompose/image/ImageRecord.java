package dev.jcompose.image;

import dev.jcompose.content.Digest;

/**
 * An image in the local store.
 *
 * @param name           the fully qualified reference it is stored under, or its manifest digest when untagged
 * @param target         what the name resolved to at the registry (an index or the manifest itself): the repo digest
 * @param manifestDigest the platform manifest jcompose runs
 * @param manifest       that manifest
 * @param config         its parsed config; {@code manifest.config().digest()} is docker's image ID
 */
public record ImageRecord(String name, Digest target, Digest manifestDigest, Manifest manifest, ImageConfig config) {
    /** Docker's image ID: the config digest. */
    public Digest id() {
        return manifest.config().digest();
    }

    /** Total compressed size of the layers, as {@code docker images} sums it. */
    public long size() {
        return manifest.layers().stream().mapToLong(Descriptor::size).sum();
    }
}
