package dev.jcompose.image;

import dev.jcompose.content.Digest;
import java.nio.file.Path;

/**
 * A stored layer, as the unpacker consumes it.
 *
 * @param path      the verified blob in the content store (read-only by convention)
 * @param mediaType e.g. {@link MediaTypes#OCI_LAYER_GZIP}; decides the decompression
 * @param digest    the blob's digest (of the compressed bytes)
 * @param diffId    the digest of the uncompressed tar, from the image config
 */
public record LayerBlob(Path path, String mediaType, Digest digest, long size, Digest diffId) {}
