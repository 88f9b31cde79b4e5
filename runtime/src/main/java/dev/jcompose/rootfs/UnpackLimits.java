package dev.jcompose.rootfs;

/**
 * Caps that stop decompression bombs: bytes of uncompressed tar stream read and tar entries
 * written. Both are counted as the stream is consumed, never trusted from headers.
 */
public record UnpackLimits(long maxBytes, long maxEntries) {
    /** 32 GiB and one million entries: far above real images, far below a full disk. */
    public static final UnpackLimits DEFAULT = new UnpackLimits(32L << 30, 1_000_000);

    public UnpackLimits {
        if (maxBytes <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
