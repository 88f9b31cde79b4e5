package dev.jcompose.image;

/** What a manifest request returns: an image manifest, or an index of per-platform manifests. */
public sealed interface ManifestDocument permits Manifest, ImageIndex {
    String mediaType();
}
