package dev.jcompose.api;

/** Receives progress events; called from the engine loop, so it must not block and must be thread-safe. */
@FunctionalInterface
public interface StackListener {
    void onEvent(StackEvent event);

    static StackListener none() {
        return e -> {};
    }
}
