package dev.jcompose.progress;

/**
 * Where the engine reports progress. Implementations are thread-safe: events may arrive from the
 * engine's event loop while a redraw timer runs on another thread.
 */
public interface ProgressSink {
    void event(ProgressEvent event);

    /** A message shown after the progress view, e.g. a warning (compose's TailMsgf). */
    void message(String text);

    static ProgressSink none() {
        return new ProgressSink() {
            @Override
            public void event(ProgressEvent event) {}

            @Override
            public void message(String text) {}
        };
    }
}
