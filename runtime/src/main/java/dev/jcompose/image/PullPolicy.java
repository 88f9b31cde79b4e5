package dev.jcompose.image;

/** When to pull an image that is needed, as compose's {@code pull_policy}. */
public enum PullPolicy {
    /** Pull every time, even when the image is stored. */
    ALWAYS,
    /** Pull only when no image of that name is stored (compose's default). */
    MISSING,
    /** Never pull: a missing image is an error. */
    NEVER
}
