package dev.jcompose.image;

import dev.jcompose.content.Digest;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI content descriptor: what a manifest or index says about one blob.
 *
 * @param platform the platform an index entry is for, or {@code null}
 */
public record Descriptor(String mediaType, Digest digest, long size, Platform platform) {
    public Descriptor {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + digest);
        }
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, null);
    }

    public Optional<Platform> platformOptional() {
        return Optional.ofNullable(platform);
    }
}
