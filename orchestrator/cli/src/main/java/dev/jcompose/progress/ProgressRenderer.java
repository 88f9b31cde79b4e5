package dev.jcompose.progress;

/** A {@link ProgressSink} that draws to a stream; {@link #finish()} draws the final state once. */
public interface ProgressRenderer extends ProgressSink {
    /** Draws what changed since the last call (the tty view redraws; line renderers print eagerly). */
    default void redraw() {}

    /** Draws the final state and the tail messages; later events are ignored. */
    void finish();
}
