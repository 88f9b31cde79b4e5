package dev.jcompose.execute;

/** Receives {@link ExecutionEvent}s, e.g. to print progress. Called on the engine loop. */
@FunctionalInterface
public interface ExecutionListener {
    void onEvent(ExecutionEvent event);

    static ExecutionListener none() {
        return event -> {};
    }
}
