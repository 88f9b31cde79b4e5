package dev.jcompose.network;

/** Journal state of a network or endpoint record: written before the kernel is touched. */
public enum Phase {
    /** Recorded, kernel objects may be half made: recovery removes it. */
    CREATING,
    /** Complete. */
    READY,
    /** Being torn down: recovery finishes the job. */
    REMOVING
}
