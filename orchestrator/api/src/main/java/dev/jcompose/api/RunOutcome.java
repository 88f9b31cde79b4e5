package dev.jcompose.api;

/** The one-off container {@code run} made, and (attached) its exit code, which the CLI passes through. */
public record RunOutcome(String container, int exitCode) {}
