package dev.jcompose.policy;

/**
 * When a service with a {@code build} section has its image built: {@code up --build} (ALWAYS),
 * {@code up --no-build} (NEVER), else when its image is missing (MISSING, compose's default). A
 * service's {@code pull_policy: build} builds it every time whatever this says, except NEVER.
 */
public enum BuildPolicy {
    /** Build when no image of the service's name is stored. */
    MISSING,
    /** Build every time; the build cache makes an unchanged image cheap to rebuild. */
    ALWAYS,
    /** Never build: a missing image is an error. */
    NEVER
}
