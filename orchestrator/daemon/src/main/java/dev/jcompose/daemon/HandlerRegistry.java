package dev.jcompose.daemon;

import dev.jcompose.engine.EngineContext;

/**
 * Service-provider interface through which the engine wiring contributes its methods (up, down,
 * ps, logs, exec...). {@link EngineMain} loads every implementation listed in
 * {@code META-INF/services/dev.jcompose.daemon.HandlerRegistry} before it starts serving.
 */
public interface HandlerRegistry {
    void register(MethodRegistry methods, EngineContext engine);

    /**
     * Whether the engine must keep running though no CLI is connected (with idle shutdown on):
     * true while this part of the engine supervises something. Called on the engine context.
     */
    default boolean keepsEngineAlive() {
        return false;
    }
}
