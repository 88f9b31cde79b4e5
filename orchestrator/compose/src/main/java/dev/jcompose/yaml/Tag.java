package dev.jcompose.yaml;

/** The YAML tags compose files may carry; any other explicit tag is rejected by the reader. */
public enum Tag {
    NONE,
    /** {@code !reset}: removes the value inherited from earlier files in a merge. */
    RESET,
    /** {@code !override}: replaces the inherited value instead of merging with it. */
    OVERRIDE
}
