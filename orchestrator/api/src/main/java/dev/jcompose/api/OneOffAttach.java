package dev.jcompose.api;

/**
 * A one-off container created for an attached {@code run}, not started yet: the caller connects to
 * conmon's attach socket in {@code bundle} (and, with a terminal, sizes it through the {@code ctl}
 * fifo there) before {@link ComposeService#startOneOff} starts it, so no output is lost.
 */
public record OneOffAttach(String container, String bundle, boolean stdin, boolean tty) {}
