package dev.jcompose.execute;

/** What cancelling an execution does to nodes that are already running. */
public enum CancelMode {
    /** Let running operations finish; only stop starting new ones. */
    WAIT,
    /** Also call {@link OperationRunner#cancel} on every running operation. */
    INTERRUPT
}
