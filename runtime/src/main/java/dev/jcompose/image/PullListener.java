package dev.jcompose.image;

import dev.jcompose.content.Digest;

/**
 * Progress of one pull. Blob callbacks come from the download threads, concurrently for different
 * blobs and in order for one blob.
 */
public interface PullListener {
    PullListener NONE = new PullListener() {};

    /** The reference resolved to this platform manifest; its blobs are about to be fetched. */
    default void resolved(ImageReference reference, Digest manifestDigest, Manifest manifest) {}

    /** {@code done} of {@code total} bytes of a blob are stored (done may start above 0 on a resume). */
    default void progress(Descriptor blob, long done, long total) {}

    /** A blob is verified and stored; {@code alreadyPresent} when it was skipped. */
    default void finished(Descriptor blob, boolean alreadyPresent) {}
}
